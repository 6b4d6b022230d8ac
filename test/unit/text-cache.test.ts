import assert from 'node:assert/strict';
import { TextCache } from '../../src/core/parse/textCache';

describe('parse caches', () => {
  it('keep recent sections and drop the oldest when the texts grow too long (typing in a huge section)', () => {
    const cache = new TextCache<number>(512, 1000);
    for (let i = 0; i < 20; i++) cache.set(`${i}`.padEnd(300, 'x'), i);
    assert.equal(cache.size, 3, 'at most 1,000 characters of keys: three 300-character sections');
    assert.equal(cache.get('19'.padEnd(300, 'x')), 19);
    assert.equal(cache.get('0'.padEnd(300, 'x')), undefined);
    // a section larger than the bound is still kept while it is the latest
    cache.set('big'.padEnd(5000, 'y'), 99);
    assert.equal(cache.size, 1);
    assert.equal(cache.get('big'.padEnd(5000, 'y')), 99);
  });

  it('count entries too, and refresh what is read', () => {
    const cache = new TextCache<string>(2, 1_000_000);
    cache.set('a', 'A'); cache.set('b', 'B');
    assert.equal(cache.get('a'), 'A');
    cache.set('c', 'C');
    assert.equal(cache.get('b'), undefined, 'b was the least recently used');
    assert.equal(cache.get('a'), 'A');
  });
});
