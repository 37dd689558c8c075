import { describe, expect, it } from 'vitest';
import { parseLogBase, parseSize } from '../src/options.js';

describe('parseSize', () => {
  it('reads plain, scientific and suffixed sizes', () => {
    expect(parseSize('4096', '--N')).toBe(4096);
    expect(parseSize('1e6', '--N')).toBe(1_000_000);
    expect(parseSize('0.5', 'k')).toBe(0.5);
    expect(parseSize('64K', '--N')).toBe(65_536);
    expect(parseSize('64k', '--N')).toBe(65_536);
    expect(parseSize('1M', '--N')).toBe(1_048_576);
    expect(parseSize(' 32 ', 'k')).toBe(32);
  });

  it('accepts 2^53 and rejects anything larger', () => {
    expect(parseSize('9007199254740992', '--N')).toBe(2 ** 53);
    expect(() => parseSize('12345678901234567890', '--N')).toThrow(
      'Value "12345678901234567890" for --N is too large: use a number no larger than 2^53 (9007199254740992).',
    );
    expect(() => parseSize('1e400', '--N')).toThrow('Value "1e400" for --N is too large: use a number no larger than 2^53 (9007199254740992).');
  });

  it('rejects zero and negative sizes', () => {
    expect(() => parseSize('0', '--N')).toThrow('Invalid value "0" for --N: sizes must be greater than 0.');
    expect(() => parseSize('-3', '--N')).toThrow('Invalid value "-3" for --N: sizes must be greater than 0.');
  });

  it('rejects text that is not a number', () => {
    for (const text of ['abc', 'NaN', '', 'Infinity', '4096x', '0x10', '1,000']) {
      expect(() => parseSize(text, '--N')).toThrow(`Invalid value "${text}" for --N: expected a positive number such as 4096, 1e6 or 64K.`);
    }
  });
});

describe('parseLogBase', () => {
  it('reads numeric bases and e', () => {
    expect(parseLogBase('2')).toBe(2);
    expect(parseLogBase('10')).toBe(10);
    expect(parseLogBase('e')).toBe(Math.E);
    expect(parseLogBase('E')).toBe(Math.E);
    expect(parseLogBase('0.5')).toBe(0.5);
  });

  it('rejects 1, zero, negative and non-numeric bases', () => {
    for (const text of ['1', '0', '-2', 'ten', '']) {
      expect(() => parseLogBase(text)).toThrow(`Invalid log base "${text}": use 2, 10, e or any positive number other than 1.`);
    }
  });
});
