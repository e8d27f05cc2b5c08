#!/usr/bin/env node
// Drops a test email into a running atento server through its embedded SMTP listener
// (default 127.0.0.1:2525; ATENTO_SMTP_HOST / ATENTO_SMTP_PORT as for the server):
//
//   node scripts/send-test-mail.mjs
//   node scripts/send-test-mail.mjs --from "Rosa Ccori <rosa.ccori@example.com>" \
//     --subject "¿Dónde está mi pedido?" --text "Hola, ..." --attach ./foto.jpg
//   node scripts/send-test-mail.mjs --in-reply-to "<id@…>"   (a reply into an existing thread)
//
// The mail appears in the agent inbox at once. Prints the listener's reply (250 … <Message-ID>).
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import nodemailer from 'nodemailer';

const { values } = parseArgs({
  options: {
    host: { type: 'string', default: process.env.ATENTO_SMTP_HOST || '127.0.0.1' },
    port: { type: 'string', default: process.env.ATENTO_SMTP_PORT || '2525' },
    from: { type: 'string', default: 'Rosa Ccori <rosa.ccori@example.com>' },
    to: { type: 'string', default: 'soporte@tiendaandina.pe' },
    subject: { type: 'string', default: 'Consulta sobre mi pedido' },
    text: {
      type: 'string',
      default: 'Hola, hice un pedido la semana pasada y todavía no llega. ¿Me pueden ayudar?',
    },
    html: { type: 'string' },
    attach: { type: 'string', multiple: true, default: [] },
    'in-reply-to': { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log(
    'usage: node scripts/send-test-mail.mjs [--host H] [--port P] [--from ADDR] [--to ADDR]\n' +
      '         [--subject S] [--text T] [--html H] [--attach FILE]... [--in-reply-to ID]',
  );
  process.exit(0);
}

const transport = nodemailer.createTransport({
  host: values.host,
  port: Number(values.port),
  secure: false,
  ignoreTLS: true,
  connectionTimeout: 5000,
});

try {
  const info = await transport.sendMail({
    from: values.from,
    to: values.to,
    subject: values.subject,
    text: values.text,
    ...(values.html ? { html: values.html } : {}),
    ...(values['in-reply-to']
      ? { inReplyTo: values['in-reply-to'], references: values['in-reply-to'] }
      : {}),
    attachments: values.attach.map((path) => ({ path, filename: basename(path) })),
  });
  console.log(`sent ${info.messageId} to ${values.to}: ${info.response}`);
} catch (error) {
  console.error(
    `could not send to ${values.host}:${values.port}: ${error.response ?? error.message}` +
      (error.code === 'ESOCKET' || error.code === 'ECONNECTION'
        ? '\n(is the server running with its SMTP listener? see ATENTO_SMTP_PORT)'
        : ''),
  );
  process.exitCode = 1;
} finally {
  transport.close();
}
