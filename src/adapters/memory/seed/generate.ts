import type { Contact } from '../../../model/index.js';
import {
  buildCase,
  buildCases,
  type CaseDef,
  type InteractionSpec,
  type MessageSpec,
} from './builders.js';
import { LUCIA, MARCO, ANA, NORTHWIND, TIENDA_ANDINA } from './people.js';
import { between, mulberry32, pick, type Random } from './prng.js';
import { SEED_ANCHOR } from './seed-data.js';
import type { SeedData } from './types.js';

/**
 * Deterministic large data for stories, benchmarks and tests: the same options always give the
 * same records. Feed the result to `MemoryBackend.load()` (or `createMemoryBackend({ seed })`
 * merged with `createSeedData()`). Numbers and ids derive from `seed`, so the output of different
 * seeds can be loaded side by side.
 */

export interface GenerateOptions {
  /** PRNG seed; default 1. */
  seed?: number;
  /** Anchor of the dates; default the seed's anchor (`2026-11-20T15:00:00.000Z`). */
  now?: Date;
  /** Case number of the first generated conversation. */
  firstNumber?: number;
}

const FIRST = [
  'Rocío',
  'Martín',
  'Paola',
  'Julio',
  'Camila',
  'Héctor',
  'Daniela',
  'Óscar',
  'Emma',
  'Noah',
  'Olivia',
  'Liam',
  'Ava',
  'Ethan',
  'Mía',
  'Tomás',
];
const LAST = [
  'Mamani',
  'Quispe',
  'Huamán',
  'Flores',
  'Rojas',
  'Vargas',
  'Castillo',
  'Ramírez',
  'Smith',
  'Johnson',
  'Brown',
  'Taylor',
  'Wilson',
  'García',
  'Chávez',
  'Paredes',
];

const ES = {
  subjects: [
    'Consulta sobre el pedido TA-{n}',
    'Cambio de talla del pedido TA-{n}',
    'Reembolso pendiente del pedido TA-{n}',
    '¿Cuándo llega mi pedido TA-{n}?',
    'Factura del pedido TA-{n}',
    'Producto con defecto, pedido TA-{n}',
  ],
  inbound: [
    'Hola, ¿me pueden dar información sobre mi pedido?',
    'Buenas tardes, el producto llegó con un defecto en la costura.',
    'Quisiera cambiar la talla por una más grande, por favor.',
    '¿Ya procesaron mi reembolso? Han pasado varios días.',
    'Gracias por la respuesta, quedo atento.',
    'Necesito la factura a nombre de mi empresa.',
    'El courier no vino en el horario indicado.',
    '¿Tienen stock en otro color?',
  ],
  outbound: [
    'Hola, gracias por escribirnos. Ya estamos revisando tu caso.',
    'Procesamos tu solicitud; recibirás una confirmación por correo.',
    'Lamentamos las molestias. Coordinamos el recojo sin costo.',
    'El reembolso se verá reflejado en 5 a 10 días hábiles.',
    'Te enviamos el código de seguimiento a tu correo.',
    '¿Hay algo más en lo que te pueda ayudar?',
  ],
};

const EN = {
  subjects: [
    'Question about order NW-{n}',
    'Exchange request for order NW-{n}',
    'Refund status for order NW-{n}',
    'Where is my order NW-{n}?',
    'Damaged item in order NW-{n}',
  ],
  inbound: [
    'Hi, could you check the status of my order?',
    'The jacket arrived with a broken zipper.',
    'Can I exchange it for a smaller size?',
    'Has my refund been processed yet?',
    'Thanks for the quick answer!',
    'Do you ship to Canada?',
  ],
  outbound: [
    'Hi, thanks for reaching out. I am looking into it now.',
    'Your request has been processed; you will get a confirmation email.',
    'Sorry about that. A prepaid return label is on its way.',
    'Refunds take 3 to 5 business days to appear on your statement.',
    'Is there anything else I can help you with?',
  ],
};

type Phrases = typeof ES;

function paragraphs(random: Random, pool: readonly string[], signature: string): string {
  const count = between(random, 1, 3);
  const lines: string[] = [];
  for (let i = 0; i < count; i++) lines.push(pick(random, pool));
  return `${lines.join(' ')}\n\n${signature}`;
}

/** One interaction's messages, oldest first, registered from `start` (minutes before the anchor) on. */
function interaction(
  random: Random,
  phrases: Phrases,
  channel: 'email' | 'chat',
  count: number,
  start: number,
  subject: string,
): InteractionSpec {
  const messages: MessageSpec[] = [];
  let at = start;
  for (let i = 0; i < count; i++) {
    const dir =
      i === 0
        ? 'in'
        : random() < 0.6
          ? messages[i - 1]!.dir === 'in'
            ? 'out'
            : 'in'
          : messages[i - 1]!.dir;
    const agent = pick(random, [LUCIA, LUCIA, MARCO, ANA]);
    const text =
      channel === 'chat'
        ? pick(random, dir === 'in' ? phrases.inbound : phrases.outbound)
        : paragraphs(
            random,
            dir === 'in' ? phrases.inbound : phrases.outbound,
            dir === 'in' ? '' : agent.name,
          ).trim();
    messages.push({ dir, at, agent, text, quote: channel === 'email' && i > 0 && random() < 0.4 });
    at -= channel === 'chat' ? between(random, 1, 4) : between(random, 20, 600);
  }
  return { channel, status: 'open', subject, messages };
}

function person(random: Random, i: number, seed: number): { name: string; address: string } {
  const first = pick(random, FIRST);
  const last = pick(random, LAST);
  const local = `${first}.${last}`
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  return { name: `${first} ${last}`, address: `${local}.${seed}.${i}@example.com` };
}

/**
 * One conversation holding about `messages` messages across many interactions (email threads of
 * 1–6 messages, chat sessions of 3–12), Spanish, for virtualization and paging. With
 * `perInteraction`, every interaction holds that many messages instead (e.g. all 1,000 messages
 * in one long email thread: the heaviest case for the thread's first page and its windowing).
 */
export function generateLargeCase(
  options: GenerateOptions & { messages: number; perInteraction?: number },
): Partial<SeedData> {
  const seed = options.seed ?? 1;
  const random = mulberry32(seed * 7919 + 17);
  const anchor = (options.now ?? new Date(SEED_ANCHOR)).getTime();
  const number = options.firstNumber ?? 90_000 + seed;
  const who = person(random, 0, seed);
  const contact: Contact = {
    id: `ct-g${seed}-large`,
    name: who.name,
    emails: [who.address],
    source: 'manual',
    createdAt: '',
  };
  const visitorId = `vis-g${seed}-large`;

  // Lay interactions out backwards from the anchor, then reverse them to oldest first.
  const specs: InteractionSpec[] = [];
  let remaining = Math.max(1, Math.floor(options.messages));
  let at = 30;
  while (remaining > 0) {
    const chat = options.perInteraction ? false : random() < 0.45;
    const count = Math.min(
      remaining,
      options.perInteraction ?? (chat ? between(random, 3, 12) : between(random, 1, 6)),
    );
    const span = chat ? count * 4 : count * 600;
    const spec = interaction(
      random,
      ES,
      chat ? 'chat' : 'email',
      count,
      at + span,
      ES.subjects[specs.length % ES.subjects.length]!.replace('{n}', String(50_000 + specs.length)),
    );
    specs.push(spec);
    remaining -= count;
    at += span + between(random, 60, 2880);
  }
  specs.reverse();
  const built = buildCase(anchor, {
    id: `conv-g${seed}-large`,
    number,
    lang: 'es',
    campaign: TIENDA_ANDINA,
    contact,
    subject: `Historial extenso de ${who.name}`,
    read: false,
    visitorId,
    agent: LUCIA,
    interactions: specs,
  });
  contact.createdAt = built.conversation.createdAt;
  return {
    contacts: [contact],
    conversations: [built.conversation],
    interactions: built.interactions,
    messages: built.messages,
    visitors: [
      {
        id: visitorId,
        deviceId: `device-g${seed}-large`,
        name: who.name,
        email: who.address,
        contactId: contact.id,
        lastSeenAt: built.conversation.updatedAt,
      },
    ],
  };
}

/** `count` small conversations (1–4 messages, email or chat, es or en) over the last 90 days. */
export function generateConversations(
  options: GenerateOptions & { count: number },
): Partial<SeedData> {
  const seed = options.seed ?? 1;
  const random = mulberry32(seed * 104_729 + 3);
  const anchor = (options.now ?? new Date(SEED_ANCHOR)).getTime();
  const first = options.firstNumber ?? 100_000 + seed * 100_000;
  const defs: { es: CaseDef[]; en: CaseDef[] } = { es: [], en: [] };
  for (let i = 0; i < options.count; i++) {
    const lang = random() < 0.7 ? 'es' : 'en';
    const phrases = lang === 'es' ? ES : EN;
    const chat = random() < 0.35;
    const who = person(random, i + 1, seed);
    const start = between(random, 5, 90 * 1440);
    const subject = chat
      ? ''
      : pick(random, phrases.subjects).replace('{n}', String(between(random, 10_000, 99_999)));
    const spec = interaction(
      random,
      phrases,
      chat ? 'chat' : 'email',
      between(random, 1, 4),
      start,
      subject,
    );
    const def: CaseDef = {
      id: `conv-g${seed}-${i + 1}`,
      number: first + i,
      subject,
      status: random() < 0.4 ? 'completed' : 'open',
      read: random() < 0.7,
      contact: {
        id: `ct-g${seed}-${i + 1}`,
        name: who.name,
        emails: [who.address],
        source: chat ? 'visitor' : 'manual',
      },
      interactions: [spec],
    };
    if (chat)
      def.visitor = {
        id: `vis-g${seed}-${i + 1}`,
        deviceId: `device-g${seed}-${i + 1}`,
        name: who.name,
        email: who.address,
      };
    defs[lang].push(def);
  }
  const es = buildCases(anchor, 'es', TIENDA_ANDINA, LUCIA, defs.es);
  const en = buildCases(anchor, 'en', NORTHWIND, LUCIA, defs.en);
  return {
    contacts: [...es.contacts, ...en.contacts],
    visitors: [...es.visitors, ...en.visitors],
    conversations: [...es.conversations, ...en.conversations],
    interactions: [...es.interactions, ...en.interactions],
    messages: [...es.messages, ...en.messages],
  };
}
