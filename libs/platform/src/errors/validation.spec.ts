import type { ValidationError } from '@nestjs/common';
import { flattenValidationErrors } from './validation';

function error(property: string, constraints?: Record<string, string>, children: ValidationError[] = []) {
  return { property, constraints, children } as ValidationError;
}

describe('flattenValidationErrors', () => {
  it('names each field by its path and keeps the rule it broke', () => {
    const problems = flattenValidationErrors([
      error('salary', { whitelistValidation: 'property salary should not exist' }),
      error('organisation', undefined, [
        error('name', { maxLength: 'name must be shorter than or equal to 200 characters' }),
      ]),
      error('contributions', undefined, [
        error('1', undefined, [error('sharePercent', { isPercent: 'sharePercent must be a percentage' })]),
      ]),
    ]);
    expect(problems).toEqual([
      { field: 'salary', message: 'salary should not exist', constraint: 'whitelistValidation' },
      {
        field: 'organisation.name',
        message: 'name must be shorter than or equal to 200 characters',
        constraint: 'maxLength',
      },
      { field: 'contributions[1].sharePercent', message: 'sharePercent must be a percentage', constraint: 'isPercent' },
    ]);
  });

  it('gives one problem per broken rule of a field', () => {
    const problems = flattenValidationErrors([
      error('title', {
        isString: 'title must be a string',
        minLength: 'title must be longer than or equal to 2 characters',
      }),
    ]);
    expect(problems.map((p) => p.constraint)).toEqual(['isString', 'minLength']);
    expect(new Set(problems.map((p) => p.field))).toEqual(new Set(['title']));
  });
});
