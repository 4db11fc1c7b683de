import { expect, test } from 'vitest';
import { pageNumbers } from './ui';

test('the pager offers the first and last page and two either side of the current one', () => {
  expect(pageNumbers(1, 1)).toEqual([1]);
  expect(pageNumbers(1, 5)).toEqual([1, 2, 3, 4, 5]);
  expect(pageNumbers(1, 20)).toEqual([1, 2, 3, null, 20]);
  expect(pageNumbers(10, 20)).toEqual([1, null, 8, 9, 10, 11, 12, null, 20]);
  expect(pageNumbers(20, 20)).toEqual([1, null, 18, 19, 20]);
});
