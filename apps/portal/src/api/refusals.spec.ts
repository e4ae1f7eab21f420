import { beforeEach, describe, expect, it } from '@jest/globals';
import { setLanguage } from '../i18n';
import { fieldProblems, problemText, refusalText } from './refusals';

beforeEach(() => setLanguage('zh'));

describe('problemText', () => {
  it('words a known rule in the reader’s language and keeps the server’s words for an unknown one', () => {
    expect(problemText({ field: 'title', message: 'title must be shorter…', constraint: 'maxLength' })).toBe(
      '长度超出上限',
    );
    expect(problemText({ field: 'x', message: 'x is odd', constraint: 'isOdd' })).toBe('x is odd');
    expect(problemText({ field: 'x', message: 'x is odd' })).toBe('x is odd');
    setLanguage('en');
    expect(problemText({ field: 'title', message: 'title must be shorter…', constraint: 'maxLength' })).toBe(
      'is too long',
    );
  });
});

describe('refusalText', () => {
  it('names each field with its problem', () => {
    const body = {
      statusCode: 400,
      error: 'validation_failed',
      message: 'salary: salary should not exist; keywords: …',
      fields: [
        { field: 'salary', message: 'salary should not exist', constraint: 'whitelistValidation' },
        { field: 'keywords', message: 'each value in keywords …', constraint: 'isLength' },
      ],
    };
    expect(refusalText(400, body)).toBe('salary：不是可提交的字段；keywords：长度不在允许范围内');
  });

  it('says what the status means, keeping the server’s detail of a clash', () => {
    const conflict = { statusCode: 409, error: 'conflict', message: 'A deal room is already open for this connection' };
    expect(refusalText(409, conflict)).toBe('与当前状态冲突（A deal room is already open for this connection）');
    expect(refusalText(404, { statusCode: 404, error: 'not_found', message: 'No deal 1' })).toBe(
      '对象不存在，或您无权查看',
    );
    expect(refusalText(503, { statusCode: 503, error: 'unavailable', message: 'search is down' })).toBe(
      '服务暂时不可用，请稍后重试',
    );
    expect(refusalText(500, { statusCode: 500, error: 'internal', message: 'boom', requestId: 'req-7' })).toBe(
      '服务器出错，请稍后重试（请求编号 req-7）',
    );
    expect(refusalText(418, { statusCode: 418, error: 'teapot', message: 'I am a teapot' })).toBe('I am a teapot');
  });

  it('puts the field in front of a domain refusal that names one', () => {
    const body = { statusCode: 422, error: 'invalid', message: 'value must be more than 0', field: 'value' };
    expect(refusalText(422, body)).toBe('value：内容无法接受（value must be more than 0）');
  });
});

describe('fieldProblems', () => {
  it('gives each field its first problem, and the single field of a domain refusal its status wording', () => {
    expect(
      fieldProblems(400, {
        statusCode: 400,
        error: 'validation_failed',
        message: '',
        fields: [
          { field: 'title', message: 'title must be a string', constraint: 'isString' },
          { field: 'title', message: 'title too long', constraint: 'maxLength' },
        ],
      }),
    ).toEqual({ title: '应为文本' });
    expect(
      fieldProblems(409, { statusCode: 409, error: 'conflict', message: 'already used', field: 'externalRef' }),
    ).toEqual({ externalRef: '与当前状态冲突（already used）' });
  });
});
