/**
 * Compiled by the type check only (never run): the JSX declarations of `src/react.ts` accept what
 * a React 19 app writes and refuse what would be wrong.
 */
import type {} from '../../src/react.js';
import type { AgentAdapter } from '../../src/adapters/adapter.js';

export function Inbox({ adapter }: { adapter: AgentAdapter }) {
  return (
    <>
      <agent-panel
        adapter={adapter}
        conversationId="conv-6597"
        complete-moves-next
        onpanel-navigate={(e) => console.log(e.detail.conversationId)}
        onmail-sent={(e) => console.log(e.detail.message.subject)}
      />
      <conversation-list
        adapter={adapter}
        selected={null}
        filter={{ status: 'open', unread: true }}
        onconversation-select={(e) => console.log(e.detail.conversation.subject)}
      />
      <mail-thread conversation-id="conv-6597" onmail-reply={(e) => e.preventDefault()} />
      <chat-widget server-url="https://support.example" campaign="camp-tienda-andina" />
      {/* @ts-expect-error conversationId is a string, not a number */}
      <agent-panel conversationId={6597} />
      {/* @ts-expect-error the handler of panel-navigate gets its typed event */}
      <agent-panel onpanel-navigate={(e: CustomEvent<number>) => e.detail} />
      {/* @ts-expect-error the detail of conversation-select has no `message` */}
      <conversation-list onconversation-select={(e) => e.detail.message} />
    </>
  );
}
