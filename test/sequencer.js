// Jest's own order (slowest and failed first), except that the test reading every line the stack
// logged runs last, when every other suite's operations are in the log.
import Sequencer from '@jest/test-sequencer';

const LAST = /[\\/]test[\\/]observability\.test\.ts$/;

export default class LogScanLast extends (Sequencer.default ?? Sequencer) {
  /** @param {import('@jest/test-result').Test[]} tests */
  sort(tests) {
    const ordered = super.sort(tests);
    const sort = (/** @type {import('@jest/test-result').Test[]} */ list) => [...list.filter((t) => !LAST.test(t.path)), ...list.filter((t) => LAST.test(t.path))];
    return ordered instanceof Promise ? ordered.then(sort) : sort(ordered);
  }
}
