/** The conformance harness for the memory adapter, shared by the Node and browser runs. */
import { createMemoryBackend } from '../../src/adapters/memory/index.js';
import type { ConformanceHarness } from './harness.js';
import { seedIds as ids } from './seed-ids.js';

export const memory: ConformanceHarness = {
  name: 'memory',
  async setup({ undoSendSeconds = 0.3 } = {}) {
    const backend = createMemoryBackend({ undoSendSeconds });
    return {
      ids,
      agent: (role) => backend.agent(role),
      visitor: (deviceId) => backend.visitor(deviceId),
      receiveEmail: (mail) => backend.receiveEmail(mail),
      fault: (kind) => backend.fault(kind),
      async teardown() {
        backend.dispose();
      },
    };
  },
};
