import nodemailer from 'nodemailer';

/** One plain-text mail. */
export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** Hands mails to a mail server; `send` rejects when the server does not accept the mail. */
export interface Mailer {
  send(mail: Mail): Promise<void>;
  close(): void;
}

/** Pauses the SMTP connection may take before an attempt counts as failed (and is retried later). */
const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/**
 * A mailer for SMTP_URL (smtp://user:password@host:port, smtps:// for TLS from the start) sending as
 * `from`. One connection per mail: notifications are few, and a pooled connection would outlive a
 * restarted mail server.
 */
export function smtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport({ url: smtpUrl, ...SMTP_TIMEOUTS }, { from });
  return {
    async send(mail) {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
    close() {
      transport.close();
    },
  };
}
