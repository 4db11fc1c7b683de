/**
 * /publicity/:id — one publicity notice, no login needed: its content and proposed list, and while it is open the
 * objection form per listed application. Notification links to officers point here too. Built on ../ui (issue 15).
 */
import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError, api } from '../../../app/api';
import { documentUrls } from '../../../app/documents';
import { PublicLayout } from '../PublicLayout';
import { PublicNotFound } from '../PublicNotFound';
import type { Notice } from '../public-types';
import { Button, Card, DownloadButton, Loading, Result } from '../ui';
import { NoticeContent, NoticeStateTag } from './NoticeContent';

type Loaded =
  | { state: 'loading' }
  | { state: 'found'; notice: Notice }
  | { state: 'not_found' }
  | { state: 'failed'; message: string };

export default function PublicityDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });

  const load = useCallback(() => {
    let cancelled = false;
    setLoaded({ state: 'loading' });
    api
      .get<Notice>(`/publicity/${encodeURIComponent(id)}`)
      .then((notice) => {
        if (!cancelled) setLoaded({ state: 'found', notice });
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        if (error instanceof ApiError && (error.status === 404 || error.status === 400)) {
          setLoaded({ state: 'not_found' });
        } else {
          setLoaded({ state: 'failed', message: error instanceof ApiError ? error.message : '加载失败，请稍后重试' });
        }
      });
    return () => {
      cancelled = true;
    };
  }, [id]);
  useEffect(load, [load]);

  return (
    <PublicLayout title={loaded.state === 'found' ? loaded.notice.title : '公示详情'}>
      {loaded.state === 'loading' && <Loading />}
      {loaded.state === 'found' && (
        <div className="pub-stack">
          <div className="pub-row" style={{ justifyContent: 'space-between', gap: 12 }}>
            <div className="pub-row">
              <h1 className="pub-title" style={{ margin: 0 }}>
                {loaded.notice.title}
              </h1>
              <NoticeStateTag notice={loaded.notice} />
            </div>
            <div className="pub-row">
              <DownloadButton path={documentUrls.publicityNotice(loaded.notice.id)}>下载公示（PDF）</DownloadButton>
              <Button onClick={() => navigate('/publicity')}>
                <span aria-hidden="true">←</span>返回公示列表
              </Button>
            </div>
          </div>
          <Card>
            <NoticeContent notice={loaded.notice} />
          </Card>
        </div>
      )}
      {loaded.state === 'not_found' && (
        <PublicNotFound
          title="未找到该公示"
          subTitle="该公示不存在或尚未开始，请从公示列表查看。"
          backTo="/publicity"
          backLabel="返回公示列表"
        />
      )}
      {loaded.state === 'failed' && (
        <Card>
          <Result
            status="error"
            title="加载失败"
            subTitle={loaded.message}
            extra={
              <Button primary onClick={load}>
                重试
              </Button>
            }
          />
        </Card>
      )}
    </PublicLayout>
  );
}
