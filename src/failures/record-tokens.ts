/**
 * How a record's name or value may wrap: split into the pieces a reader takes in whole. An
 * operator who reads `192.100.29.` on one line and `8` on the next reads a wrong address, or
 * copies half of it. Pure: the list renders each `token` in a box that keeps it on one line
 * while it fits (see `.token` in the styles) and offers a line break only between tokens.
 *
 * - An IPv4 address is one token.
 * - An IPv6 address breaks only after a colon (`::` stays together).
 * - A name (a host name, or a label of one) breaks only after a dot; a label longer than the
 *   line still wraps inside its box, at its hyphens first.
 * - Words are separated by their own whitespace (`10 mx.example.com.`); a word that is none
 *   of the above is free text, which may break anywhere, but only when it is longer than the
 *   line.
 *
 * The pieces joined give back the text exactly: nothing is inserted, so a copied value is the
 * API's value.
 */
export interface RecordPiece {
  /** `token`: kept whole while it fits; `text`: free text and the whitespace between words. */
  kind: 'token' | 'text';
  text: string;
}

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
/** Hex groups and colons (an IPv4 tail allowed): at least two colons. */
const IPV6 = /^[0-9A-Fa-f]*(?::[0-9A-Fa-f.]*){2,}$/;
/** Labels of letters, digits, `_`, `*` and `-`, at most 63 each (the DNS limit), dot-separated. */
const NAME = /^(?:[\p{L}\p{N}_*-]{1,63}\.)*[\p{L}\p{N}_*-]{1,63}\.?$|^\.$/u;
const AFTER_COLON = /(?<=:)(?!:)/;
const AFTER_DOT = /(?<=\.)(?!$)/;

function piecesOfWord(word: string): RecordPiece[] {
  const split = IPV4.test(word) ? [word] : IPV6.test(word) ? word.split(AFTER_COLON) : NAME.test(word) ? word.split(AFTER_DOT) : undefined;
  return split ? split.map((text) => ({ kind: 'token', text })) : [{ kind: 'text', text: word }];
}

/** The pieces of a name or a value, in order; joined, they are the text itself. */
export function recordPieces(text: string): RecordPiece[] {
  // Split on a captured separator: words at even places (empty at either end), whitespace at odd ones.
  return text.split(/(\s+)/).flatMap((part, index): RecordPiece[] => (index % 2 ? [{ kind: 'text', text: part }] : part ? piecesOfWord(part) : []));
}
