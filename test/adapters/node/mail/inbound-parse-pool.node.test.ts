/**
 * The MIME parsing threads (ParsePool): the hostile corpus parsed in a worker gives exactly what
 * parsing in the main thread gives (mail, refusals, parts and their checked files), in order, over
 * several workers; a pool closed mid-task still answers every mail (in-thread); a task that fails
 * in a healthy worker (its temporary folder is gone) rejects without giving up the threads.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { MailParseError } from '../../../../src/adapters/node/mail/parse-mail.js';
import { INTAKE_LIMITS } from '../../../../src/adapters/node/mail/inbound/intake.js';
import {
  ParsePool,
  prepareMails,
  type PartFiles,
  type PreparedMail,
} from '../../../../src/adapters/node/mail/inbound/parse-pool.js';
import { hostileCorpus } from '../../../fixtures/mime/hostile-corpus.js';

type Outcome = PreparedMail | MailParseError;

/** What can be compared of an outcome, with each part's bytes read back from its file. */
async function comparable(outcome: Outcome) {
  if (outcome instanceof MailParseError) return { error: outcome.message };
  const parts = await Promise.all(
    outcome.parts.parts.map(async ({ tempPath, ...part }) => ({
      ...part,
      bytes: (await readFile(tempPath)).toString('base64'),
    })),
  );
  return { mail: outcome.mail, parts, notes: outcome.parts.notes };
}

describe('mail in: MIME parsing threads', () => {
  let dir: string;
  let files: PartFiles;
  const raws = hostileCorpus('pool').map((m) => m.raw);
  const failures: Error[] = [];
  const pools: ParsePool[] = [];
  const pool = (size: number) => {
    const p = new ParsePool({ size, minBatch: 1, onFailure: (e) => failures.push(e) });
    pools.push(p);
    return p;
  };

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'atento-parse-pool-'));
    files = { tempDir: dir, limits: INTAKE_LIMITS };
  });
  after(async () => {
    await Promise.all(pools.map((p) => p.close()));
    await rm(dir, { recursive: true, force: true });
  });

  it('gives what parsing in the main thread gives, in order, over two workers', async () => {
    assert.ok(raws.length >= 40, 'the whole hostile corpus');
    const here = await prepareMails(raws, files);
    const threads = pool(2);
    assert.equal(await threads.warm(), 2, 'two workers ready');
    const there = await threads.parseAll(raws, files);
    assert.equal(there.length, raws.length);
    assert.ok(threads.threaded, 'still in worker threads');
    assert.deepEqual(failures, []);
    let parts = 0;
    let refused = 0;
    for (let i = 0; i < raws.length; i++) {
      const a = await comparable(here[i]!);
      const b = await comparable(there[i]!);
      assert.deepEqual(b, a, `mail ${i}`);
      if (a.parts) parts += a.parts.length;
      else refused++;
    }
    assert.ok(parts >= 500, `the corpus's attachments were written (${parts})`);
    assert.ok(refused >= 1, 'and some mail postal-mime gives up on');
  });

  it('keeps answering when closed mid-task: the rest is parsed in the main thread', async () => {
    const threads = pool(1);
    assert.equal(await threads.warm(), 1);
    const pending = threads.parseAll(raws, files);
    await threads.close();
    const outcomes = await pending;
    assert.equal(outcomes.length, raws.length);
    assert.equal(threads.threaded, false);
    assert.deepEqual(failures, [], 'a pool closed on purpose reports no failure');
    const here = await prepareMails(raws.slice(0, 3), files);
    for (let i = 0; i < 3; i++)
      assert.deepEqual(await comparable(outcomes[i]!), await comparable(here[i]!));
  });

  it('rejects a task the worker cannot do, cleaning up and keeping its threads', async () => {
    const threads = pool(1);
    assert.equal(await threads.warm(), 1);
    const gone = { tempDir: join(dir, 'missing'), limits: INTAKE_LIMITS };
    const before = await readdir(dir);
    await assert.rejects(threads.parseAll(raws, gone), /ENOENT/);
    assert.ok(threads.threaded, 'the worker is fine and stays in use');
    assert.deepEqual(failures, []);
    const [again] = await threads.parseAll(raws.slice(0, 1), files);
    assert.ok(again && !(again instanceof MailParseError));
    assert.deepEqual(
      (await readdir(dir)).length,
      before.length + again.parts.parts.length,
      'no stray temporary files',
    );
  });

  it('parses in the calling thread until a worker is ready, and a few mails always', async () => {
    const threads = pool(1);
    const early = threads.parseAll(raws.slice(0, 10), files);
    assert.equal(threads.workerCount.started, 1, 'the first batch starts a worker');
    assert.equal((await early).length, 10, 'and does not wait for it');
    assert.equal(await threads.warm(), 1);
  });

  it('parses a few mails in the calling thread', async () => {
    const threads = new ParsePool({ size: 1, onFailure: (e) => failures.push(e) });
    pools.push(threads);
    const [one] = await threads.parseAll(raws.slice(0, 1), files);
    assert.ok(one && !(one instanceof MailParseError));
    assert.deepEqual(threads.workerCount, { started: 0, ready: 0 }, 'no thread for one mail');
  });
});
