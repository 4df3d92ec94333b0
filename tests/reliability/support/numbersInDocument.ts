// The importer's honesty property: every number it states must be spelled out somewhere in the
// document. Before comparing, the document is read the way a person reads it: numeric HTML
// entities decoded, fullwidth digits as ASCII, thousands separators dropped.

function decodeNumericEntities(text: string): string {
  return text
    .replace(/&#(\d{1,7});/g, (_, code: string) => safeCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]{1,6});/gi, (_, code: string) => safeCodePoint(parseInt(code, 16)));
}

function safeCodePoint(code: number): string {
  return code <= 0x10ffff ? String.fromCodePoint(code) : '';
}

export function readableNumbers(document: string): string {
  return decodeNumericEntities(document)
    .replace(/[０-９．]/g, (c) =>
      c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0),
    )
    .replace(/(\d),(?=\d{3})/g, '$1');
}

export interface StatedNumber {
  key: string;
  value: string;
  raw: string | null;
  uncertain?: boolean;
}

/** The stated numbers whose digits do not occur in the document. */
export function numbersNotInDocument(
  document: string,
  stated: readonly StatedNumber[],
): StatedNumber[] {
  const readable = readableNumbers(document);
  return stated.filter((number) => !readable.includes(number.value.replace(/^-/, '')));
}
