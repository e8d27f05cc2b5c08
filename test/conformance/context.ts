/**
 * Per-test state and helpers shared by every area of the conformance suite: a fresh backend per
 * test, cached adapters, unique names, and builders for the cases most tests start from.
 */
import type {
  AgentAdapter,
  AgentEvent,
  AgentEventType,
  VisitorAdapter,
  VisitorEvent,
  VisitorEventType,
} from '../../src/adapters/adapter.js';
import type {
  AgentRole,
  EmailAddress,
  Id,
  InboundMail,
  Message,
  OutgoingMessage,
  VisitorMessage,
} from '../../src/model/index.js';
import { chatReply } from '../../src/model/index.js';
import { closeAllEventWaits, ok, sleep } from './assert.js';
import type { ConformanceBackend, ConformanceHarness, SeedIds, TestApi } from './harness.js';

/** The undo window every test backend uses, in seconds (short, so the suite stays fast). */
export const UNDO_SECONDS = 0.3;
export const UNDO_MS = UNDO_SECONDS * 1000;
/** How long to wait for something that must happen (an event, a commit). */
export const WAIT_MS = 3000;
/** How long to wait before concluding that something did not happen. */
export const QUIET_MS = 250;

export type AgentEventOf<T extends AgentEventType> = Extract<AgentEvent, { type: T }>;
export type VisitorEventOf<T extends VisitorEventType> = Extract<VisitorEvent, { type: T }>;

/** A predicate for agent events of one type that also satisfy `where`. */
export function agentEvent<T extends AgentEventType>(
  type: T,
  where: (event: AgentEventOf<T>) => boolean = () => true,
): (event: AgentEvent) => event is AgentEventOf<T> {
  return (event): event is AgentEventOf<T> =>
    event.type === type && where(event as AgentEventOf<T>);
}

/** A predicate for visitor events of one type that also satisfy `where`. */
export function visitorEvent<T extends VisitorEventType>(
  type: T,
  where: (event: VisitorEventOf<T>) => boolean = () => true,
): (event: VisitorEvent) => event is VisitorEventOf<T> {
  return (event): event is VisitorEventOf<T> =>
    event.type === type && where(event as VisitorEventOf<T>);
}

export interface EmailCase {
  conversationId: Id;
  /** The inbound message that created the case. */
  message: Message;
  from: EmailAddress;
  subject: string;
}

export interface ChatCase {
  deviceId: string;
  visitor: VisitorAdapter;
  conversationId: Id;
  number: number;
  /** The visitor's first message. */
  first: VisitorMessage;
  /** The address the visitor identified with, if any. */
  email?: string;
}

export interface SuiteContext {
  readonly harness: ConformanceHarness;
  /** The backend of the running test. */
  readonly backend: ConformanceBackend;
  readonly ids: SeedIds;
  /** The agent adapter of a role (default `agent`), the same instance for the whole test. */
  agent(role?: AgentRole): AgentAdapter;
  /** The visitor adapter of a device, the same instance for the whole test. */
  visitor(deviceId: string): VisitorAdapter;
  /** A string unique within the run, safe in addresses and subjects. */
  uid(prefix?: string): string;
  /** Waits until subscriptions opened so far are live and pending events are delivered. */
  settle(): Promise<void>;
  /** Another backend for this test (torn down after it), e.g. with a different undo window. */
  extraBackend(options: { undoSendSeconds?: number }): Promise<ConformanceBackend>;
  /** The address the seed's Spanish campaign receives mail at. */
  inboxAddress(): Promise<EmailAddress>;
  /** Delivers an email and returns the stored message (fails when it was not delivered). */
  receive(mail: Partial<InboundMail> & { from: EmailAddress; subject: string }): Promise<Message>;
  /** A new case created by an email from a new, unknown sender. */
  newEmailCase(options?: { subject?: string; name?: string; address?: string }): Promise<EmailCase>;
  /**
   * A new chat case created by a new visitor's first message. The visitor identifies with a new
   * address first unless `anonymous` (then an agent is online while the visitor writes).
   */
  newChatCase(options?: {
    anonymous?: boolean;
    email?: string;
    name?: string;
    text?: string;
  }): Promise<ChatCase>;
  /** An email reply to `original` from the agent, ready to send. */
  emailReply(original: Message, overrides?: Partial<OutgoingMessage>): OutgoingMessage;
  /** A chat message from the agent to a chat case, ready to send. */
  chatMessage(
    conversationId: Id,
    text: string,
    overrides?: Partial<OutgoingMessage>,
  ): OutgoingMessage;
}

export function createContext(api: TestApi, harness: ConformanceHarness): SuiteContext {
  let backend: ConformanceBackend | undefined;
  let extras: ConformanceBackend[] = [];
  let agents = new Map<AgentRole, AgentAdapter>();
  let visitors = new Map<string, VisitorAdapter>();
  let inbox: EmailAddress | undefined;
  let counter = 0;
  const run = Math.random().toString(36).slice(2, 7);

  api.beforeEach(async () => {
    agents = new Map();
    visitors = new Map();
    inbox = undefined;
    extras = [];
    backend = await harness.setup({ undoSendSeconds: UNDO_SECONDS });
  });

  api.afterEach(async () => {
    closeAllEventWaits();
    const all = [...extras, ...(backend ? [backend] : [])];
    backend = undefined;
    extras = [];
    for (const b of all) await b.teardown();
  });

  const ctx: SuiteContext = {
    harness,
    get backend(): ConformanceBackend {
      if (!backend) throw new Error('no backend: the conformance beforeEach hook did not run');
      return backend;
    },
    get ids(): SeedIds {
      return ctx.backend.ids;
    },
    agent(role = 'agent') {
      let adapter = agents.get(role);
      if (!adapter) agents.set(role, (adapter = ctx.backend.agent(role)));
      return adapter;
    },
    visitor(deviceId) {
      let adapter = visitors.get(deviceId);
      if (!adapter) visitors.set(deviceId, (adapter = ctx.backend.visitor(deviceId)));
      return adapter;
    },
    uid(prefix = 'x') {
      counter += 1;
      return `${prefix}${run}${counter}`;
    },
    async settle() {
      if (backend?.settle) await backend.settle();
      else await sleep(0);
    },
    async extraBackend(options) {
      const extra = await harness.setup(options);
      extras.push(extra);
      return extra;
    },
    async inboxAddress() {
      if (!inbox) {
        const settings = await ctx.agent('agent').campaign(ctx.ids.jorge.conversationId);
        inbox = { ...settings.fromAddress };
      }
      return inbox;
    },
    async receive(mail) {
      const to = mail.to ?? [await ctx.inboxAddress()];
      const stored = await ctx.backend.receiveEmail({
        text: 'Buenos días, les escribo por una consulta.',
        messageId: `${ctx.uid('msg')}@mail.example.com`,
        ...mail,
        to,
      });
      ok(stored, `the mail from ${mail.from.address} was not delivered`);
      return stored;
    },
    async newEmailCase(options = {}) {
      const from = {
        name: options.name ?? 'Lucía Ramos',
        address: options.address ?? `${ctx.uid('cliente')}@example.com`,
      };
      const subject = options.subject ?? `Consulta ${ctx.uid('q')}`;
      const message = await ctx.receive({ from, subject });
      return { conversationId: message.conversationId, message, from, subject };
    },
    async newChatCase(options = {}) {
      const deviceId = ctx.uid('device');
      const visitor = ctx.visitor(deviceId);
      let stop: (() => void) | undefined;
      let email: string | undefined;
      if (options.anonymous) {
        stop = ctx.agent('coordinator').subscribe(() => undefined);
        await ctx.settle();
      } else {
        email = options.email ?? `${ctx.uid('visitante')}@example.com`;
        await visitor.identify({ name: options.name ?? 'Visitante Prueba', email });
      }
      try {
        const first = await visitor.send({
          clientId: ctx.uid('client'),
          text: options.text ?? 'Hola, necesito ayuda con mi pedido',
        });
        const session = await visitor.resume();
        ok(session.conversation, 'the first visitor message did not create a conversation');
        return {
          deviceId,
          visitor,
          conversationId: session.conversation.id,
          number: session.conversation.number,
          first,
          email,
        };
      } finally {
        stop?.();
      }
    },
    emailReply(original, overrides = {}) {
      const subject = /^re:/i.test(original.subject) ? original.subject : `Re: ${original.subject}`;
      return {
        conversationId: original.conversationId,
        mode: 'reply',
        channel: 'email',
        inReplyToMessageId: original.id,
        to: [{ address: original.from.address ?? 'missing@example.com', name: original.from.name }],
        cc: [],
        bcc: [],
        subject,
        html: '<p>Gracias por escribirnos, revisamos su caso.</p>',
        text: 'Gracias por escribirnos, revisamos su caso.',
        attachmentIds: [],
        ...overrides,
      };
    },
    chatMessage(conversationId, text, overrides = {}) {
      return { ...chatReply(conversationId, text), ...overrides };
    },
  };
  return ctx;
}

/** A deep copy of plain data, to compare a value with itself before it was mutated. */
export function snapshot<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
