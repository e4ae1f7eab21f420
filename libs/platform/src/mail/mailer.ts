import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { AppConfig } from '../config/app-config';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Stable id so a receiving system can tell a resend from a new message. */
  messageId?: string;
}

/** Sends e-mail through the configured SMTP relay. Errors reach the caller (a job), which retries. */
@Injectable()
export class Mailer implements OnApplicationShutdown {
  private transport: Transporter | null = null;

  constructor(private readonly config: AppConfig) {}

  async send(message: MailMessage): Promise<void> {
    this.transport ??= createTransport(this.config.get('SMTP_URL'), { from: this.config.get('MAIL_FROM') });
    await this.transport.sendMail({
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
      messageId: message.messageId,
    });
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
