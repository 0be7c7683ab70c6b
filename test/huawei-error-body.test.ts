import { expect } from '@open-wc/testing';
import { parseHuaweiErrorBody } from '../src/api/huawei-error-body.js';

describe('parseHuaweiErrorBody', () => {
  describe('field pairs', () => {
    it('reads error_code / error_msg', () => {
      expect(parseHuaweiErrorBody({ error_code: 'DNS.0014', error_msg: 'Request forbidden by flow control.' })).to.deep.equal({
        code: 'DNS.0014',
        message: 'Request forbidden by flow control.',
      });
    });

    it('reads errorCode / errorMsg', () => {
      expect(parseHuaweiErrorBody({ errorCode: 'APIG.0308', errorMsg: 'Too many requests' })).to.deep.equal({
        code: 'APIG.0308',
        message: 'Too many requests',
      });
    });

    it('reads code / message', () => {
      expect(parseHuaweiErrorBody({ code: 'DNS.0101', message: 'Zone not found.' })).to.deep.equal({
        code: 'DNS.0101',
        message: 'Zone not found.',
      });
    });

    it('prefers error_code/error_msg over errorCode/errorMsg over code/message', () => {
      expect(
        parseHuaweiErrorBody({
          code: 'C',
          message: 'third',
          errorCode: 'B',
          errorMsg: 'second',
          error_code: 'A',
          error_msg: 'first',
        }),
      ).to.deep.equal({ code: 'A', message: 'first' });
      expect(parseHuaweiErrorBody({ code: 'C', message: 'third', errorCode: 'B', errorMsg: 'second' })).to.deep.equal({
        code: 'B',
        message: 'second',
      });
    });

    it('returns a pair with only a code, without the other property', () => {
      const result = parseHuaweiErrorBody({ error_code: 'DNS.0001' });
      expect(result).to.deep.equal({ code: 'DNS.0001' });
      expect(result).to.not.have.property('message');
    });

    it('returns a pair with only a message, without the other property', () => {
      const result = parseHuaweiErrorBody({ errorMsg: 'Something broke' });
      expect(result).to.deep.equal({ message: 'Something broke' });
      expect(result).to.not.have.property('code');
    });

    it('looks up code and message independently, each by the most specific name present', () => {
      expect(parseHuaweiErrorBody({ error_code: 'A', message: 'from the third pair' })).to.deep.equal({ code: 'A', message: 'from the third pair' });
      expect(parseHuaweiErrorBody({ code: 'C', error_code: 'A', message: 'm', error_msg: 'M' })).to.deep.equal({ code: 'A', message: 'M' });
    });
  });

  describe('values', () => {
    it('turns a numeric code into text', () => {
      expect(parseHuaweiErrorBody({ code: 400, message: 'Bad request' })).to.deep.equal({ code: '400', message: 'Bad request' });
      expect(parseHuaweiErrorBody({ error_code: 0 })).to.deep.equal({ code: '0' });
    });

    it('ignores non-finite numbers', () => {
      expect(parseHuaweiErrorBody({ error_code: Number.NaN, code: 'C' })).to.deep.equal({ code: 'C' });
      expect(parseHuaweiErrorBody({ code: Number.POSITIVE_INFINITY })).to.deep.equal({});
    });

    it('trims text', () => {
      expect(parseHuaweiErrorBody({ error_code: '  DNS.0304 ', error_msg: '\tBad name.\n' })).to.deep.equal({
        code: 'DNS.0304',
        message: 'Bad name.',
      });
    });

    it('ignores empty and whitespace-only values, falling through to the next pair', () => {
      expect(
        parseHuaweiErrorBody({ error_code: '', error_msg: '   ', errorCode: '\n', errorMsg: '', code: 'DNS.0101', message: 'Zone not found.' }),
      ).to.deep.equal({ code: 'DNS.0101', message: 'Zone not found.' });
    });

    it('ignores values that are not text or numbers', () => {
      expect(parseHuaweiErrorBody({ error_code: true, error_msg: ['x'], code: 'C', message: 'M' })).to.deep.equal({
        code: 'C',
        message: 'M',
      });
      expect(parseHuaweiErrorBody({ code: null, message: null })).to.deep.equal({});
    });
  });

  describe('nesting', () => {
    it('reads a pair one level down', () => {
      expect(parseHuaweiErrorBody({ error: { error_code: 'DNS.1', error_msg: 'm' } })).to.deep.equal({
        code: 'DNS.1',
        message: 'm',
      });
      expect(parseHuaweiErrorBody({ request_id: 'r', detail: { code: 'APIG.0308', message: 'limited' } })).to.deep.equal({
        code: 'APIG.0308',
        message: 'limited',
      });
    });

    it('prefers the top level over a nested object for the same name', () => {
      expect(parseHuaweiErrorBody({ error: { error_code: 'NESTED', error_msg: 'n' }, error_code: 'TOP' })).to.deep.equal({ code: 'TOP', message: 'n' });
    });

    it('prefers a specific nested name (error_code) over a generic top-level one (code: 400)', () => {
      expect(parseHuaweiErrorBody({ error: { error_code: 'NESTED', error_msg: 'n' }, code: 'TOP' })).to.deep.equal({ code: 'NESTED', message: 'n' });
    });

    it('among nested objects with the same name, takes the first', () => {
      expect(
        parseHuaweiErrorBody({ meta: { page: 1 }, first: { errorCode: 'F' }, second: { errorCode: 'S', error_msg: 's' } }),
      ).to.deep.equal({ code: 'F', message: 's' });
    });

    it('does not look two levels down', () => {
      expect(parseHuaweiErrorBody({ outer: { inner: { error_code: 'DEEP', error_msg: 'deep' } } })).to.deep.equal({});
    });

    it('does not look inside arrays', () => {
      expect(parseHuaweiErrorBody({ errors: [{ error_code: 'X', error_msg: 'y' }] })).to.deep.equal({});
    });

    it('skips a nested object whose values are empty', () => {
      expect(parseHuaweiErrorBody({ a: { error_code: ' ' }, b: { code: 'B' } })).to.deep.equal({ code: 'B' });
    });
  });

  describe('non-objects', () => {
    const inputs: Array<[string, unknown]> = [
      ['null', null],
      ['undefined', undefined],
      ['a string', '{"error_code":"X"}'],
      ['a number', 500],
      ['a boolean', false],
      ['an array', [{ error_code: 'X', error_msg: 'y' }]],
    ];
    for (const [label, input] of inputs) {
      it(`returns {} for ${label}`, () => {
        expect(parseHuaweiErrorBody(input)).to.deep.equal({});
      });
    }

    it('returns {} for an object without any pair', () => {
      expect(parseHuaweiErrorBody({ status: 503, detail: 'x' })).to.deep.equal({});
      expect(parseHuaweiErrorBody({})).to.deep.equal({});
    });
  });
});
