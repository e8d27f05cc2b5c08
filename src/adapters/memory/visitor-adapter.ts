import type {
  CallOptions,
  MessageQuery,
  UploadFile,
  UploadOptions,
  VisitorAdapter,
  VisitorEvent,
} from '../adapter.js';
import type { Id, VisitorIdentity } from '../../model/index.js';
import { run } from './call.js';
import type { Store } from './store.js';
import { visitorTyping } from './operations/typing.js';
import { upload } from './operations/uploads.js';
import * as visitors from './operations/visitors.js';

/** The visitor side of one device; it only ever reaches that visitor's own conversation. */
export class MemoryVisitorAdapter implements VisitorAdapter {
  constructor(
    private readonly s: Store,
    private readonly deviceId: string,
  ) {}

  private visitor() {
    return visitors.visitorOfDevice(this.s, this.deviceId);
  }

  resume(o?: CallOptions) {
    return run(this.s, o, () => visitors.resume(this.s, this.visitor()));
  }

  history(query?: MessageQuery, o?: CallOptions) {
    return run(this.s, o, () => visitors.history(this.s, this.visitor(), query));
  }

  send(message: { clientId: string; text: string; attachmentIds?: Id[] }, o?: CallOptions) {
    return run(this.s, o, () => visitors.sendAsVisitor(this.s, this.visitor(), message));
  }

  identify(identity: VisitorIdentity, o?: CallOptions) {
    return run(this.s, o, () => visitors.identify(this.s, this.visitor(), identity));
  }

  typing(on: boolean, o?: CallOptions) {
    return run(this.s, o, () => visitorTyping(this.s, this.visitor(), on));
  }

  upload(file: UploadFile, options: Omit<UploadOptions, 'conversationId'>) {
    return run(this.s, options, () => {
      const v = this.visitor();
      return upload(this.s, file, options, visitors.campaignOfVisitor(this.s, v), {
        kind: 'visitor',
        visitorId: v.id,
      });
    });
  }

  subscribe(listener: (event: VisitorEvent) => void) {
    return this.s.hub.subscribeVisitor(this.visitor().id, listener);
  }
}
