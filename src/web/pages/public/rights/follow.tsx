/**
 * 举报进展查询 (public): the receipt code and the follow password show the report's status, deadlines, the decision
 * and its reason, the visible history and the messages; the reporter can write to the handler. Works at 390 px.
 * Built on the light components (../ui), not antd (issue 15); colours and refusals as in the workbench
 * (rights/rights-data.ts).
 */
import { type FormEvent, useState } from 'react';
import { RIGHTS_ROUTE_LABELS, RIGHTS_STATUS_LABELS } from '../../../../shared/rights-labels';
import { api } from '../../../app/api';
import { type ClueMeta, clockTag, refusalOf, STATUS_COLOR } from '../../rights/rights-data';
import { PublicLayout } from '../PublicLayout';
import { Alert, Button, Card, type DescriptionItem, Descriptions, Empty, Field, Tag } from '../ui';

interface Followed extends ClueMeta {
  content: {
    decisionReason: string | null;
    history: { kind: string; comment: string | null; businessDate: string }[];
    messages: { author: string; authorName: string; body: string; at: string }[];
  };
}

type Errors = Partial<Record<'code' | 'secret' | 'body', string>>;

/** The server's messages on the fields this page has, keyed by their path. */
const fieldErrors = (fields: { path: string; message: string }[]): Errors =>
  Object.fromEntries(fields.filter((f) => ['code', 'secret', 'body'].includes(f.path)).map((f) => [f.path, f.message]));

function FollowedClue({ clue, onSend }: { clue: Followed; onSend: (body: string) => Promise<Errors | null> }) {
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [sending, setSending] = useState(false);
  const clock = clockTag(clue.clocks);
  const items: DescriptionItem[] = [
    {
      key: 'status',
      label: '办理状态',
      children: <Tag color={STATUS_COLOR[clue.status]}>{RIGHTS_STATUS_LABELS[clue.status]}</Tag>,
    },
    { key: 'bureau', label: '管辖部门', children: clue.jurisdictionName },
    { key: 'received', label: '受理日期', children: clue.receivedOn },
    { key: 'clock', label: '期限', children: <Tag color={clock.color}>{clock.text}</Tag> },
    ...(clue.route
      ? [
          {
            key: 'route',
            label: '处理途径',
            children: RIGHTS_ROUTE_LABELS[clue.route as keyof typeof RIGHTS_ROUTE_LABELS],
          },
        ]
      : []),
    ...(clue.content.decisionReason
      ? [{ key: 'reason', label: '决定理由', children: clue.content.decisionReason }]
      : []),
  ];
  const send = async (e: FormEvent) => {
    e.preventDefault();
    if (!body.trim()) {
      setError('请填写留言内容');
      return;
    }
    setSending(true);
    const refused = await onSend(body);
    setSending(false);
    setError(refused?.body);
    if (!refused) setBody('');
  };
  return (
    <Card title={`线索编号 ${clue.clueNo}`} data-testid="rights-followed">
      <Descriptions items={items} />
      <h3 className="pub-subtitle">办理进展</h3>
      <ul className="pub-list">
        {clue.content.history.map((event, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the history is shown as the server sent it, never reordered
          <li key={i}>
            {event.businessDate} {event.comment}
          </li>
        ))}
      </ul>
      <h3 className="pub-subtitle">留言</h3>
      {clue.content.messages.length === 0 ? (
        <Empty>暂无留言</Empty>
      ) : (
        <ul className="pub-list">
          {clue.content.messages.map((m, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: messages are shown in the order written
            <li key={i}>
              <div className="pub-secondary">{m.author === 'handler' ? '承办人' : '我'}</div>
              <div style={{ whiteSpace: 'pre-wrap' }}>{m.body}</div>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={send} noValidate style={{ marginTop: 12 }}>
        <Field label="给承办人留言" error={error}>
          {(props) => (
            <textarea
              {...props}
              className="pub-input"
              rows={3}
              maxLength={2000}
              value={body}
              onChange={(e) => setBody(e.target.value)}
            />
          )}
        </Field>
        <Button type="submit" className="pub-btn-block" loading={sending}>
          发送留言
        </Button>
      </form>
    </Card>
  );
}

export default function PublicRightsFollow() {
  const [code, setCode] = useState('');
  const [secret, setSecret] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [clue, setClue] = useState<Followed | null>(null);
  const [credentials, setCredentials] = useState<{ code: string; secret: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [looking, setLooking] = useState(false);

  const look = async (values: { code: string; secret: string }) => {
    setError(null);
    try {
      setClue(await api.post<Followed>('/rights/public/follow', values));
      setCredentials(values);
    } catch (e) {
      const refusal = refusalOf(e);
      setClue(null);
      setErrors(fieldErrors(refusal.fields));
      setError(refusal.message);
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const missing: Errors = {
      ...(code.trim() ? {} : { code: '请填写查询码' }),
      ...(secret ? {} : { secret: '请填写查询密码' }),
    };
    setErrors(missing);
    if (Object.keys(missing).length > 0) return;
    setLooking(true);
    await look({ code, secret });
    setLooking(false);
  };

  const send = async (body: string): Promise<Errors | null> => {
    if (!credentials) return null;
    try {
      await api.post('/rights/public/messages', { ...credentials, body });
      await look(credentials);
      return null;
    } catch (e) {
      const refusal = refusalOf(e);
      setError(refusal.message);
      return fieldErrors(refusal.fields);
    }
  };

  return (
    <PublicLayout title="举报进展查询">
      <div className="pub-stack pub-narrow">
        <h1 className="pub-title">举报进展查询</h1>
        <Card>
          <form onSubmit={submit} noValidate>
            <Field label="查询码" error={errors.code}>
              {(props) => (
                <input
                  {...props}
                  className="pub-input"
                  maxLength={40}
                  autoComplete="off"
                  value={code}
                  onChange={(e) => setCode(e.target.value)}
                />
              )}
            </Field>
            <Field label="查询密码" error={errors.secret}>
              {(props) => (
                <input
                  {...props}
                  type="password"
                  className="pub-input"
                  maxLength={64}
                  value={secret}
                  onChange={(e) => setSecret(e.target.value)}
                />
              )}
            </Field>
            <Button primary type="submit" className="pub-btn-block" loading={looking}>
              查询
            </Button>
          </form>
          {error && (
            <div style={{ marginTop: 12 }}>
              <Alert type="error" role="alert" title={error} />
            </div>
          )}
        </Card>
        {clue && <FollowedClue clue={clue} onSend={send} />}
      </div>
    </PublicLayout>
  );
}
