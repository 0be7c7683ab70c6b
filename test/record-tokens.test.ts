import { expect } from '@open-wc/testing';
import { recordPieces } from '../src/failures/record-tokens.js';

/** The pieces as text: tokens as they are, other text marked with `~`. */
const pieces = (text: string) => recordPieces(text).map((piece) => (piece.kind === 'token' ? piece.text : `~${piece.text}`));

describe('recordPieces: where a name or a value may wrap', () => {
  it('keeps an IPv4 address whole', () => {
    expect(pieces('192.100.29.8')).to.deep.equal(['192.100.29.8']);
  });

  it('splits an IPv6 address after each colon, keeping :: together', () => {
    expect(pieces('2001:db8:85a3::8a2e:370:7334')).to.deep.equal(['2001:', 'db8:', '85a3::', '8a2e:', '370:', '7334']);
    expect(pieces('::1')).to.deep.equal(['::', '1']);
    expect(pieces('::ffff:192.0.2.1')).to.deep.equal(['::', 'ffff:', '192.0.2.1']);
  });

  it('splits a name after each dot, a label with its hyphens staying whole', () => {
    expect(pieces('web-frontend-cluster-node-017.example.com.')).to.deep.equal(['web-frontend-cluster-node-017.', 'example.', 'com.']);
    expect(pieces('测试.example.com.')).to.deep.equal(['测试.', 'example.', 'com.']);
    expect(pieces('*.example.com.')).to.deep.equal(['*.', 'example.', 'com.']);
    expect(pieces('localhost')).to.deep.equal(['localhost']);
  });

  it('splits words at their own whitespace, and leaves free text as text', () => {
    expect(pieces('10 mx1.mail-provider.example.com.')).to.deep.equal(['10', '~ ', 'mx1.', 'mail-provider.', 'example.', 'com.']);
    expect(pieces('v=spf1 include:_spf.example.com ~all')).to.deep.equal(['~v=spf1', '~ ', '~include:_spf.example.com', '~ ', '~~all']);
    expect(pieces('a..b')).to.deep.equal(['~a..b']);
    expect(pieces(`${'x'.repeat(64)}.example.com.`), 'a label longer than DNS allows is free text').to.deep.equal([`~${'x'.repeat(64)}.example.com.`]);
  });

  it('gives back the text exactly, nothing inserted', () => {
    for (const text of ['', ' ', '192.0.2.1', '  10\tmx.example.com. ', '"quoted text"', '\u00ADsoft', '2001:0db8:0000:0000:0000:ff00:0042:8329']) {
      expect(recordPieces(text).map((piece) => piece.text).join(''), JSON.stringify(text)).to.equal(text);
    }
  });
});
