/** The friendly "not found" result of the public pages (an unknown certificate number or notice). */
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { Button, Card, Result } from './ui';

interface PublicNotFoundProps {
  title: string;
  subTitle?: ReactNode;
  backTo: string;
  backLabel: string;
}

export function PublicNotFound({ title, subTitle, backTo, backLabel }: PublicNotFoundProps) {
  const navigate = useNavigate();
  return (
    <Card>
      <Result
        status="404"
        title={title}
        subTitle={subTitle}
        extra={
          <Button primary onClick={() => navigate(backTo)}>
            {backLabel}
          </Button>
        }
      />
    </Card>
  );
}
