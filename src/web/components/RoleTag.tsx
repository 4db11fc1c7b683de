/**
 * The current user's role in the header (layouts/BasicLayout.tsx). Loaded lazily there: the shared enums carry zod,
 * which the shell's first paint does not need (the first page loads it anyway).
 */
import { Tag } from 'antd';
import { Role } from '../../shared/enums';

const ROLE_COLORS: Record<Role, string> = { applicant: 'green', officer: 'blue', expert: 'purple', admin: 'red' };

export default function RoleTag({ role }: { role: Role }) {
  return (
    <Tag color={ROLE_COLORS[role]} data-testid="current-role">
      {Role.labels[role]}
    </Tag>
  );
}
