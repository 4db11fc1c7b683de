/**
 * E-mails notifications when SMTP is configured. The in-app notification is written in the transaction of the change
 * (src/server/domain/notifications/notify.ts); this outbox loop sends the unsent ones afterwards, so a rolled-back
 * change never sends mail and a mail server outage loses nothing (each is retried a few times). Rows are claimed with
 * FOR UPDATE SKIP LOCKED, so several app instances on one PostgreSQL never send the same mail twice.
 */
import { and, eq, gt, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Config } from '../config';
import type { Db } from '../db/client';
import { notifications, users } from '../db/schema';

const BATCH = 20;
const MAX_ATTEMPTS = 5;
/** Notifications older than this are not e-mailed any more (e.g. a user who adds an address later). */
const MAX_AGE_MS = 24 * 60 * 60 * 1000;

export interface Mailer {
  /** Sends what is due now; resolves with the number sent (tests call it directly). */
  flush(): Promise<number>;
  stop(): Promise<void>;
}

export function startMailer(
  db: Db,
  config: Pick<Config, 'SMTP_URL' | 'SMTP_FROM' | 'MAIL_INTERVAL_MS' | 'PUBLIC_BASE_URL'>,
  log: { warn: (obj: unknown, msg: string) => void },
): Mailer | null {
  if (!config.SMTP_URL) return null;
  const transport = nodemailer.createTransport(config.SMTP_URL);
  let running: Promise<number> | null = null;
  let stopped = false;

  const sendDue = async (): Promise<number> => {
    let sent = 0;
    await db.transaction(async (tx) => {
      const due = await tx
        .select({
          id: notifications.id,
          title: notifications.title,
          body: notifications.body,
          link: notifications.link,
          attempts: notifications.emailAttempts,
          email: users.email,
        })
        .from(notifications)
        .innerJoin(users, eq(users.id, notifications.userId))
        .where(
          and(
            isNull(notifications.emailedAt),
            lt(notifications.emailAttempts, MAX_ATTEMPTS),
            gt(notifications.createdAt, new Date(Date.now() - MAX_AGE_MS)),
            isNotNull(users.email),
            eq(users.disabled, false),
          ),
        )
        .orderBy(notifications.createdAt)
        .limit(BATCH)
        .for('update', { of: notifications, skipLocked: true });
      for (const n of due) {
        const link = n.link && config.PUBLIC_BASE_URL ? new URL(n.link, config.PUBLIC_BASE_URL).toString() : null;
        try {
          await transport.sendMail({
            from: config.SMTP_FROM,
            to: n.email!,
            subject: `【商秘】${n.title}`,
            text: [n.body, link && `详情：${link}`].filter(Boolean).join('\n\n'),
          });
          await tx
            .update(notifications)
            .set({ emailedAt: new Date(), emailError: null })
            .where(eq(notifications.id, n.id));
          sent++;
        } catch (error) {
          log.warn({ err: error, notification: n.id }, 'notification e-mail failed');
          await tx
            .update(notifications)
            .set({ emailAttempts: sql`${notifications.emailAttempts} + 1`, emailError: String(error).slice(0, 500) })
            .where(eq(notifications.id, n.id));
        }
      }
    });
    return sent;
  };

  const flush = async () => {
    // One pass at a time per instance; a caller arriving during a pass waits for it and runs its own.
    while (running) await running.catch(() => 0);
    running = sendDue();
    try {
      return await running;
    } finally {
      running = null;
    }
  };
  const timer = setInterval(() => {
    if (!stopped && !running) flush().catch((error) => log.warn({ err: error }, 'mailer pass failed'));
  }, config.MAIL_INTERVAL_MS);
  timer.unref();

  return {
    flush,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running?.catch(() => 0);
      transport.close();
    },
  };
}
