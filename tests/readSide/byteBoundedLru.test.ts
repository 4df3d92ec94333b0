// Unit: the response cache's store keeps at most its byte budget, least recently used out first.
import { ByteBoundedLru } from '../../src/readSide/byteBoundedLru';

describe('ByteBoundedLru', () => {
  it('given entries over the budget, when one more is stored, then the least recently used go first', () => {
    const lru = new ByteBoundedLru<string>(100);
    lru.set('a', 'A', 40);
    lru.set('b', 'B', 40);
    expect(lru.get('a')).toBe('A'); // a is now the most recently used
    lru.set('c', 'C', 40);
    expect(lru.get('b')).toBeUndefined();
    expect(lru.get('a')).toBe('A');
    expect(lru.get('c')).toBe('C');
    expect(lru.bytes).toBe(80);
  });

  it('given a value larger than the whole budget, when stored, then it is not kept and nothing is evicted', () => {
    const lru = new ByteBoundedLru<string>(100);
    lru.set('a', 'A', 60);
    expect(lru.set('huge', 'H', 101)).toBe(false);
    expect(lru.get('huge')).toBeUndefined();
    expect(lru.get('a')).toBe('A');
    expect(lru.bytes).toBe(60);
  });

  it('given a key stored twice, when counted, then only its latest size is held', () => {
    const lru = new ByteBoundedLru<string>(100);
    lru.set('a', 'A1', 70);
    lru.set('a', 'A2', 30);
    expect(lru.get('a')).toBe('A2');
    expect(lru.bytes).toBe(30);
    lru.delete('a');
    expect(lru.size).toBe(0);
    expect(lru.bytes).toBe(0);
  });
});
