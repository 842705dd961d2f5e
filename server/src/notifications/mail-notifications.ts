import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../config.js';
import { type Mailer, smtpMailer } from './mailer.js';
import {
  type DispatcherLog,
  type DispatcherOptions,
  NotificationDispatcher,
} from './notification-dispatcher.js';

export type MailSettings = Pick<Config, 'SMTP_URL' | 'MAIL_FROM' | 'PUBLIC_URL'>;

/**
 * Starts the e-mail notifications when SMTP_URL is set (the configuration then also demands MAIL_FROM and
 * PUBLIC_URL); without it nothing runs and null is returned. `overrides` are for tests (pauses, a mailer).
 */
export async function startMailNotifications(
  em: EntityManager,
  settings: MailSettings,
  log: DispatcherLog,
  overrides: Partial<DispatcherOptions> & { mailer?: Mailer } = {},
): Promise<NotificationDispatcher | null> {
  if (!settings.SMTP_URL) return null;
  if (!settings.MAIL_FROM || !settings.PUBLIC_URL) {
    throw new Error('SMTP_URL braucht MAIL_FROM und PUBLIC_URL');
  }
  const { mailer, ...options } = overrides;
  const dispatcher = new NotificationDispatcher(
    em,
    mailer ?? smtpMailer(settings.SMTP_URL, settings.MAIL_FROM),
    log,
    { publicUrl: settings.PUBLIC_URL.replace(/\/+$/, ''), ...options },
  );
  await dispatcher.start();
  return dispatcher;
}

/** The mail server's host for the start message, without user or password. */
export function mailServerOf(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  return `${url.protocol}//${url.host}`;
}
