/**
 * The whole conformance suite against the memory backend made durable on a temporary SQLite
 * file; after every test the records are loaded into a second backend that must hold exactly the
 * same state. A mutation site that forgot to journal its record fails here.
 */
import { afterEach, beforeEach, describe, it } from 'node:test';
import { createMemoryBackend } from '../../../src/adapters/memory/backend.js';
import { openSqliteStore } from '../../../src/adapters/node/store/index.js';
import type { ConformanceHarness } from '../../conformance/harness.js';
import { seedIds as ids } from '../../conformance/seed-ids.js';
import { defineConformanceSuite } from '../../conformance/suite.js';
import { assertReloadsEqual, tempDir } from './persistence-helpers.js';

const durable: ConformanceHarness = {
  name: 'memory+sqlite',
  async setup({ undoSendSeconds = 0.3 } = {}) {
    const temp = tempDir();
    const persistence = openSqliteStore(`${temp.dir}/atento.db`);
    const backend = createMemoryBackend({ undoSendSeconds, persistence });
    return {
      ids,
      agent: (role) => backend.agent(role),
      visitor: (deviceId) => backend.visitor(deviceId),
      receiveEmail: (mail) => backend.receiveEmail(mail),
      fault: (kind) => backend.fault(kind),
      async teardown() {
        try {
          assertReloadsEqual(backend, persistence, { undoSendSeconds });
        } finally {
          backend.dispose();
          persistence.close();
          temp.remove();
        }
      },
    };
  },
};

defineConformanceSuite({ describe, it, beforeEach, afterEach }, durable);
