import { ago, buildCases, type BuiltCases } from './builders.js';
import { PHOTO_JPEG, seedAttachment } from './files.js';
import { ANA, LUCIA, MARCO, TIENDA_ANDINA } from './people.js';
import { SEED_IDS } from './seed-ids.js';

/**
 * Spanish cases of Tienda Andina besides Jorge's: unread chats (a known visitor and an anonymous
 * one), completed emails, an auto-created contact, a chat continued by email, an automatic reply,
 * BCC, older history.
 */

const sign = (agent: { name: string }) =>
  `Saludos cordiales,\n${agent.name}\nEquipo de Soporte · Tienda Andina`;

export function spanishCases(anchor: number): BuiltCases {
  return buildCases(anchor, 'es', TIENDA_ANDINA, LUCIA, [
    {
      id: SEED_IDS.knownChat.conversationId,
      number: 6598,
      subject: '',
      read: false,
      contact: {
        id: SEED_IDS.knownChat.contactId,
        name: 'Carla Mendoza',
        emails: [SEED_IDS.knownChat.address],
        source: 'visitor',
      },
      visitor: {
        id: SEED_IDS.knownChat.visitorId,
        deviceId: SEED_IDS.visitors.known,
        name: 'Carla Mendoza',
        email: SEED_IDS.knownChat.address,
      },
      interactions: [
        {
          channel: 'chat',
          messages: [
            { dir: 'in', at: ago(0, 0, 14), text: 'Hola, buenos días' },
            {
              dir: 'in',
              at: ago(0, 0, 13),
              text: 'Quiero cambiar la dirección de entrega de mi pedido TA-48790, ¿todavía se puede?',
            },
          ],
        },
      ],
    },
    {
      id: SEED_IDS.anonymousChat.conversationId,
      number: 6599,
      subject: '',
      read: false,
      contact: { id: SEED_IDS.anonymousChat.contactId, name: '', emails: [], source: 'visitor' },
      visitor: { id: SEED_IDS.anonymousChat.visitorId, deviceId: SEED_IDS.anonymousChat.deviceId },
      interactions: [
        {
          channel: 'chat',
          messages: [
            { dir: 'in', at: ago(0, 0, 6), text: 'hola' },
            { dir: 'in', at: ago(0, 0, 5), text: '¿hacen envíos a Cusco? ¿cuánto cuesta?' },
          ],
        },
      ],
    },
    {
      id: SEED_IDS.completedCase.conversationId,
      number: 6600,
      subject: 'Cambio de dirección de entrega, pedido TA-47902',
      status: 'completed',
      contact: {
        id: 'ct-rosa-huaman',
        name: 'Rosa Huamán Ccori',
        emails: ['rosa.huaman@yahoo.com'],
        phone: '+51 944 120 331',
      },
      interactions: [
        {
          channel: 'email',
          messages: [
            {
              dir: 'in',
              at: ago(4, 22, 10),
              text: 'Buenas tardes:\n\nPor favor, cambien la dirección de entrega del pedido TA-47902 a Jr. Junín 455, Dpto. 302, Magdalena del Mar.\n\nRosa Huamán',
            },
            {
              dir: 'out',
              at: ago(4, 21, 0),
              text: `Hola Rosa,\n\nListo: actualizamos la dirección de entrega del pedido TA-47902. Llegará mañana entre las 9:00 y las 13:00.\n\n${sign(LUCIA)}`,
            },
            {
              dir: 'in',
              at: ago(4, 20, 20),
              quote: true,
              text: 'Muchas gracias, muy amables.\n\nRosa',
            },
          ],
        },
      ],
    },
    {
      number: 6601,
      subject: 'Factura electrónica a nombre de empresa',
      status: 'completed',
      agent: MARCO,
      contact: {
        id: 'ct-luis-paredes',
        name: 'Luis Paredes',
        emails: ['lparedes@kallpa-inversiones.example'],
      },
      interactions: [
        {
          channel: 'email',
          messages: [
            {
              dir: 'in',
              at: ago(7, 19, 0),
              text: 'Estimados:\n\nSolicito factura a nombre de Inversiones Kallpa S.A.C., RUC 20498765432, por el pedido TA-47511.\n\nAtentamente,\nLuis Paredes\nJefe de Compras',
            },
            {
              dir: 'out',
              at: ago(7, 17, 30),
              text: `Estimado Luis,\n\nAdjuntamos la factura electrónica F001-00037990. Quedamos atentos.\n\n${sign(MARCO)}`,
            },
          ],
        },
      ],
    },
    {
      id: SEED_IDS.autoContactCase.conversationId,
      number: 6602,
      subject: 'Consulta por compra al por mayor',
      read: false,
      contact: {
        id: SEED_IDS.autoContactCase.contactId,
        name: 'p.salazar.r',
        emails: [SEED_IDS.autoContactCase.address],
        source: 'auto',
      },
      interactions: [
        {
          channel: 'email',
          messages: [
            {
              dir: 'in',
              at: ago(0, 2, 40),
              from: { address: SEED_IDS.autoContactCase.address },
              html: false,
              text: 'Buenas, tengo una tienda de deportes en Huancayo y me interesa comprar al por mayor zapatillas Trail Andes (30 a 50 pares). ¿Manejan precios para distribuidores?\n\nPablo Salazar',
            },
          ],
        },
      ],
    },
    {
      id: SEED_IDS.mixedCase.conversationId,
      number: 6603,
      subject: 'Garantía de mochila Qhapaq 30L',
      contact: {
        id: SEED_IDS.mixedCase.contactId,
        name: 'Valeria Torres',
        emails: ['valeria.torres.p@gmail.com'],
        source: 'visitor',
      },
      visitor: {
        id: SEED_IDS.mixedCase.visitorId,
        deviceId: SEED_IDS.visitors.mixed,
        name: 'Valeria Torres',
        email: 'valeria.torres.p@gmail.com',
      },
      interactions: [
        {
          channel: 'chat',
          messages: [
            {
              dir: 'in',
              at: ago(2, 20, 12),
              text: 'Hola, compré la mochila Qhapaq 30L y se rompió el cierre principal',
            },
            { dir: 'in', at: ago(2, 20, 11), text: '¿Tiene garantía?' },
            {
              dir: 'out',
              at: ago(2, 20, 9),
              text: 'Hola Valeria, sí, tiene garantía de un año. ¿Me dejas tu correo para enviarte el formulario?',
            },
            { dir: 'in', at: ago(2, 20, 7), text: 'valeria.torres.p@gmail.com' },
          ],
        },
        {
          channel: 'email',
          subject: 'Garantía de tu mochila Qhapaq 30L',
          messages: [
            {
              dir: 'out',
              at: ago(2, 19, 30),
              text: `Hola Valeria,\n\nComo conversamos por el chat, te enviamos el formulario de garantía. Complétalo y respóndenos este correo con una foto del cierre.\n\n${sign(LUCIA)}\n\n--- Transcripción del chat ---\nValeria: Hola, compré la mochila Qhapaq 30L y se rompió el cierre principal\nValeria: ¿Tiene garantía?\nLucía Ramos: Hola Valeria, sí, tiene garantía de un año. ¿Me dejas tu correo para enviarte el formulario?\nValeria: valeria.torres.p@gmail.com`,
            },
            {
              dir: 'in',
              at: ago(2, 12, 45),
              quote: true,
              text: 'Hola Lucía, listo: ya completé el formulario. Adjunto la foto del cierre.\n\nValeria',
              attachments: [seedAttachment('att-6603-02-01', 'cierre-mochila.jpg', PHOTO_JPEG)],
            },
          ],
        },
      ],
    },
    {
      number: 6604,
      subject: 'Zapatillas con defecto de fábrica',
      contact: {
        id: 'ct-diego-flores',
        name: 'Diego Flores',
        emails: ['diego.flores.v@gmail.com'],
      },
      interactions: [
        {
          channel: 'email',
          messages: [
            {
              dir: 'in',
              at: ago(0, 21, 0),
              text: 'Hola:\n\nLas zapatillas Ruta Inca que compré tienen una costura suelta en el talón desde el primer día. Adjunto foto.\n\nDiego',
              attachments: [seedAttachment('att-6604-01-01', 'costura.jpg', PHOTO_JPEG)],
            },
            {
              dir: 'out',
              at: ago(0, 19, 20),
              text: `Hola Diego,\n\nGracias por la foto. Es un defecto de fábrica: te enviamos un par nuevo sin costo y recogemos el actual.\n\n${sign(LUCIA)}`,
            },
          ],
        },
      ],
    },
    {
      number: 6605,
      subject: '¿Hacen envíos a Arequipa?',
      read: false,
      contact: {
        id: 'ct-patricia-nunez',
        name: 'Patricia Núñez',
        emails: ['patricia.nunez@hotmail.com'],
      },
      interactions: [
        {
          channel: 'email',
          messages: [
            {
              dir: 'in',
              at: ago(0, 3, 5),
              text: 'Hola, quisiera saber si hacen envíos a Arequipa y cuánto demora. Me interesa la casaca Puna Térmica.\n\nSaludos,\nPatricia',
            },
          ],
        },
      ],
    },
    {
      number: 6606,
      subject: '',
      status: 'completed',
      contact: {
        id: 'ct-andres-villanueva',
        name: 'Andrés Villanueva',
        emails: ['andres.villanueva@gmail.com'],
        source: 'visitor',
      },
      visitor: {
        id: 'vis-andres-villanueva',
        deviceId: 'device-andres-villanueva',
        name: 'Andrés Villanueva',
        email: 'andres.villanueva@gmail.com',
      },
      interactions: [
        {
          channel: 'chat',
          messages: [
            {
              dir: 'in',
              at: ago(1, 22, 30),
              text: 'Hola, ¿a qué hora abre la tienda de Miraflores el domingo?',
            },
            {
              dir: 'out',
              at: ago(1, 22, 29),
              agent: MARCO,
              text: 'Hola Andrés, los domingos abrimos de 11:00 a 20:00.',
            },
            { dir: 'in', at: ago(1, 22, 27), text: 'Gracias!' },
          ],
        },
      ],
    },
    {
      number: 6607,
      subject: 'Pago duplicado con tarjeta',
      agent: MARCO,
      contact: {
        id: 'ct-sofia-chavez',
        name: 'Sofía Chávez',
        emails: ['sofia.chavez@pucp.example'],
      },
      interactions: [
        {
          channel: 'email',
          messages: [
            {
              dir: 'in',
              at: ago(1, 18, 0),
              text: 'Hola:\n\nMe cobraron dos veces el pedido TA-48655 (S/ 249.90 cada uno). ¿Pueden revisarlo?\n\nSofía Chávez',
            },
            {
              dir: 'out',
              at: ago(1, 16, 40),
              text: `Hola Sofía,\n\nConfirmamos el cobro duplicado. Ya solicitamos la anulación del segundo cargo; el banco lo revierte en 7 días hábiles.\n\n${sign(MARCO)}`,
            },
            {
              dir: 'in',
              at: ago(1, 15, 15),
              quote: true,
              text: 'Gracias Marco. ¿Me pueden enviar la constancia de anulación?\n\nSofía',
            },
            {
              dir: 'out',
              at: ago(1, 13, 0),
              quote: true,
              text: `Hola Sofía,\n\nLa constancia llegará a tu correo desde el banco en 48 horas. Si no la recibes, escríbenos.\n\n${sign(MARCO)}`,
            },
          ],
        },
      ],
    },
    {
      number: 6608,
      subject: 'RV: Reclamo N° 000214 - Libro de Reclamaciones',
      read: false,
      contact: {
        id: 'ct-miguel-rojas',
        name: 'Miguel Ángel Rojas',
        emails: ['miguel.rojas@outlook.com'],
      },
      interactions: [
        {
          channel: 'email',
          messages: [
            {
              dir: 'in',
              at: ago(0, 1, 30),
              text: 'Buenos días:\n\nReenvío la constancia de mi reclamo en el Libro de Reclamaciones. Hasta hoy no recibo respuesta sobre el reembolso del pedido TA-48102, que nunca llegó.\n\nMiguel Ángel Rojas\nDNI 45678123',
            },
          ],
        },
      ],
    },
    {
      number: 6609,
      subject: 'Confirmación de cambio de producto',
      status: 'completed',
      read: false,
      contact: {
        id: 'ct-fernando-gutierrez',
        name: 'Fernando Gutiérrez',
        emails: ['fgutierrez@constructora-andes.example'],
      },
      interactions: [
        {
          channel: 'email',
          messages: [
            {
              dir: 'in',
              at: ago(3, 0, 0),
              text: 'Hola, ¿ya procesaron el cambio de la casaca talla M por L?\n\nFernando',
            },
            {
              dir: 'out',
              at: ago(2, 22, 0),
              text: `Hola Fernando,\n\nSí, el cambio se procesó y la casaca talla L sale hoy.\n\n${sign(LUCIA)}`,
            },
            {
              dir: 'in',
              at: ago(2, 21, 59),
              autoReply: true,
              subject: 'Respuesta automática: Confirmación de cambio de producto',
              text: 'Estaré fuera de la oficina hasta el lunes, sin acceso al correo. Para temas urgentes, escriba a obras@constructora-andes.example.\n\nFernando Gutiérrez',
            },
          ],
        },
      ],
    },
    {
      number: 6618,
      subject: 'Cambio de método de pago',
      contact: {
        id: 'ct-gabriela-rios',
        name: 'Gabriela Ríos',
        emails: ['gabriela.rios@gmail.com'],
      },
      interactions: [
        {
          channel: 'email',
          messages: [
            {
              dir: 'in',
              at: ago(1, 0, 0),
              text: 'Hola, pagué contra entrega pero prefiero pagar con transferencia. ¿Es posible?\n\nGabriela',
            },
            {
              dir: 'out',
              at: ago(0, 22, 30),
              agent: ANA,
              bcc: [{ name: 'Facturación', address: 'facturacion@tiendaandina.pe' }],
              text: `Hola Gabriela,\n\nSí. Te enviamos los datos para la transferencia: BCP, cuenta corriente 193-2345678-0-12, a nombre de Tienda Andina S.A.C. Envíanos la constancia respondiendo este correo.\n\n${sign(ANA)}`,
            },
          ],
        },
      ],
    },
    {
      number: 6619,
      subject: '',
      contact: {
        id: 'ct-renzo-alvarado',
        name: 'Renzo Alvarado',
        emails: ['renzo.alvarado@gmail.com'],
        source: 'visitor',
      },
      visitor: {
        id: 'vis-renzo-alvarado',
        deviceId: 'device-renzo-alvarado',
        name: 'Renzo Alvarado',
        email: 'renzo.alvarado@gmail.com',
      },
      interactions: [
        {
          channel: 'chat',
          messages: [
            { dir: 'in', at: ago(0, 1, 50), text: 'Buenas, ¿las casacas Puna son impermeables?' },
            {
              dir: 'out',
              at: ago(0, 1, 48),
              text: 'Hola Renzo, la Puna Térmica es repelente al agua; la Puna Storm sí es impermeable (membrana 10 000 mm).',
            },
            { dir: 'in', at: ago(0, 1, 45), text: 'Perfecto, voy por la Storm entonces' },
            {
              dir: 'out',
              at: ago(0, 1, 44),
              text: '¡Excelente elección! Si necesitas ayuda con la talla, aquí estamos.',
            },
          ],
        },
      ],
    },
    {
      number: 6590,
      subject: 'Talla de casaca Puna Térmica',
      status: 'completed',
      contact: {
        id: 'ct-lucia-gonzalez',
        name: 'Lucía González',
        emails: ['lucia.gonzalez.m@gmail.com'],
      },
      interactions: [
        {
          channel: 'email',
          messages: [
            {
              dir: 'in',
              at: ago(11, 20, 0),
              text: 'Hola, mido 1.62 m y peso 58 kg. ¿Qué talla de la Puna Térmica me recomiendan?\n\nLucía',
            },
            {
              dir: 'out',
              at: ago(11, 18, 0),
              text: `Hola Lucía,\n\nTe recomendamos la talla S; si la usarás con capas gruesas, la M.\n\n${sign(LUCIA)}`,
            },
          ],
        },
      ],
    },
    {
      number: 6585,
      subject: '',
      status: 'completed',
      contact: {
        id: 'ct-gabriel-soto',
        name: 'Gabriel Soto',
        emails: ['gabo.soto@gmail.com'],
        source: 'visitor',
      },
      visitor: {
        id: 'vis-gabriel-soto',
        deviceId: 'device-gabriel-soto',
        name: 'Gabriel Soto',
        email: 'gabo.soto@gmail.com',
      },
      interactions: [
        {
          channel: 'chat',
          messages: [
            { dir: 'in', at: ago(15, 19, 0), text: '¿Tienen tienda en Trujillo?' },
            {
              dir: 'out',
              at: ago(15, 18, 58),
              agent: MARCO,
              text: 'Hola Gabriel, por ahora solo en Lima y Arequipa, pero enviamos a Trujillo en 3 a 5 días hábiles.',
            },
          ],
        },
      ],
    },
    {
      number: 6581,
      subject: 'Seguimiento de pedido TA-46110',
      status: 'completed',
      contact: { id: 'ct-carmen-vega', name: 'Carmen Vega', emails: ['carmen.vega@gmail.com'] },
      interactions: [
        {
          channel: 'email',
          messages: [
            {
              dir: 'in',
              at: ago(19, 21, 0),
              text: 'Hola, mi pedido TA-46110 figura "en tránsito" hace 6 días. ¿Qué pasó?\n\nCarmen',
            },
            {
              dir: 'out',
              at: ago(19, 19, 0),
              text: `Hola Carmen,\n\nHubo un retraso en la ruta a Chiclayo; tu pedido llega mañana.\n\n${sign(LUCIA)}`,
            },
            { dir: 'in', at: ago(18, 18, 0), quote: true, text: 'Ya llegó, gracias.\n\nCarmen' },
          ],
        },
      ],
    },
  ]);
}
