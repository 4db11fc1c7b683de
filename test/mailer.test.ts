// @postgresql-only: e-mail delivery from the outbox, no concurrency or raw SQL.
/**
 * Notification e-mails through a real SMTP server (smtp-server, in the test): a submission notifies the bureau's
 * officer by e-mail when it has an address, once, and never for a change that was refused.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './helpers/app';
import { act, draftApplication } from './helpers/applications';

interface Mail {
  to: string[];
  raw: string;
}

/** The text of a single-part message, decoded from base64 or quoted-printable. */
function decodeBody(raw: string): string {
  const [head, ...rest] = raw.split('\r\n\r\n');
  const body = rest.join('\r\n\r\n');
  if (/content-transfer-encoding: base64/i.test(head!)) return Buffer.from(body, 'base64').toString('utf8');
  if (/content-transfer-encoding: quoted-printable/i.test(head!)) {
    const bytes = body
      .replace(/=\r\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

let t: TestApp;
let smtp: SMTPServer;
const received: Mail[] = [];

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => {
        raw += chunk.toString('utf8');
      });
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const { port } = smtp.server.address() as AddressInfo;
  t = await buildTestApp({
    env: {
      BUSINESS_DATE: '2022-03-15',
      SMTP_URL: `smtp://127.0.0.1:${port}`,
      SMTP_FROM: 'shangmi@example.cn',
      // The test sends by calling flushMail itself.
      MAIL_INTERVAL_MS: '600000',
      PUBLIC_BASE_URL: 'https://shangmi.example.cn',
    },
  });
});
afterAll(async () => {
  await t.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

it('e-mails the officer who must act next, once, with a link to the application', async () => {
  const admin = await t.login('admin');
  const users = (await admin.get('/api/v1/users?q=putuo')).json().items as {
    id: string;
    username: string;
    version: number;
  }[];
  const putuo = users.find((u) => u.username === 'putuo')!;
  const bad = await admin.patch(`/api/v1/users/${putuo.id}`, { version: putuo.version, email: 'not-an-address' });
  expect(bad.statusCode).toBe(400);
  const set = await admin.patch(`/api/v1/users/${putuo.id}`, { version: putuo.version, email: 'putuo@example.cn' });
  expect(set.statusCode, set.body).toBe(200);

  const applicant = await t.login('applicant1');
  const draft = await draftApplication(applicant, 'putuo-2022', 'point');
  // A refused action writes nothing, so nothing is mailed for it.
  const refused = await applicant.post(`/api/v1/applications/${draft.id}/transitions`, {
    action: 'certify',
    version: draft.version,
  });
  expect(refused.statusCode).toBe(409);
  await act(applicant, draft, 'submit');

  expect(await t.app.flushMail()).toBe(1);
  expect(await t.app.flushMail()).toBe(0);
  expect(received).toHaveLength(1);
  expect(received[0]!.to).toEqual(['putuo@example.cn']);
  const text = decodeBody(received[0]!.raw);
  expect(text).toContain(`https://shangmi.example.cn/applications/${draft.id}`);
  expect(text).toContain('当前状态：已提交');
});
