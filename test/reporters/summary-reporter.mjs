/**
 * @web/test-runner reporter that counts tests over `sessions[].testResults` (recursively through
 * suites) and, on exit, lists the failures and prints a closing line alone on its line:
 *   wtr: 12 passed, 0 failed, 0 skipped
 * A session that failed without any failing test (a file that did not load, a failing hook,
 * a browser error) counts as one failed test named after its file.
 * Use it next to defaultReporter(), which shows the details as tests run.
 */
import { writeSync } from 'node:fs';
import { relative } from 'node:path';

/** @returns {import('@web/test-runner').Reporter} */
export function summaryReporter() {
  /** @type {string} */
  let rootDir = process.cwd();
  /** @type {import('@web/test-runner').TestSession[]} */
  let lastSessions = [];

  return {
    start({ config }) {
      rootDir = config.rootDir ?? rootDir;
    },
    onTestRunFinished({ sessions }) {
      lastSessions = sessions;
    },
    stop({ sessions }) {
      const all = sessions?.length ? sessions : lastSessions;
      const { passed, failed, skipped, failures } = count(all, rootDir);
      const out = [];
      if (failures.length > 0) {
        out.push('', `wtr failures (${failures.length}):`);
        for (const f of failures) {
          out.push(`  ✖ ${f.title}`);
          for (const line of f.message.split('\n')) out.push(`      ${line}`);
        }
      }
      out.push('', `wtr: ${passed} passed, ${failed} failed, ${skipped} skipped`, '');
      // On exit, so that the line comes after the default reporter's final output.
      process.once('exit', () => writeSync(1, out.join('\n')));
    },
  };
}

/**
 * @param {import('@web/test-runner').TestSession[]} sessions
 * @param {string} rootDir
 */
export function count(sessions, rootDir = process.cwd()) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  /** @type {{ title: string, message: string }[]} */
  const failures = [];

  for (const session of sessions) {
    const file = relative(rootDir, session.testFile);
    const where = `${file} [${session.browser?.name ?? 'browser'}]`;
    let sessionFailures = 0;

    /** @param {import('@web/test-runner').TestSuiteResult} suite @param {string[]} path */
    const walk = (suite, path) => {
      for (const test of suite.tests ?? []) {
        const title = [...path, test.name].join(' › ');
        if (test.skipped) skipped++;
        else if (test.passed) passed++;
        else {
          failed++;
          sessionFailures++;
          failures.push({ title: `${where} ${title}`, message: describeError(test.error) });
        }
      }
      for (const child of suite.suites ?? []) walk(child, [...path, child.name]);
    };
    if (session.testResults) walk(session.testResults, []);

    if (session.passed === false && sessionFailures === 0) {
      failed++;
      const message = session.errors?.length
        ? session.errors.map(describeError).join('\n')
        : `session ended with status ${session.status}`;
      failures.push({ title: `${where} (file failed outside a test)`, message });
    }
  }
  return { passed, failed, skipped, failures };
}

/** @param {{ message?: string, stack?: string, expected?: string, actual?: string } | undefined} error */
function describeError(error) {
  if (!error) return 'failed (no error reported)';
  const lines = [error.message ?? String(error)];
  if (error.expected !== undefined || error.actual !== undefined) {
    lines.push(`expected: ${error.expected}`, `actual:   ${error.actual}`);
  }
  return lines.join('\n');
}
