import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { REVOKE_AFTER_MS, downloadTextFile } from '../src/failures/download.js';

interface CapturedDownload {
  fileName: string;
  href: string;
  wasInDocument: boolean;
  /** Fetched while the URL is still live, i.e. during the click. */
  response: Promise<Response>;
}

/** Catches the download link's click before the browser acts on it, and cancels the download. */
function captureNextDownload(): { downloads: CapturedDownload[]; stop: () => void } {
  const downloads: CapturedDownload[] = [];
  const onClick = (event: MouseEvent) => {
    const anchor = event.target;
    if (!(anchor instanceof HTMLAnchorElement)) return;
    event.preventDefault();
    downloads.push({
      fileName: anchor.download,
      href: anchor.href,
      wasInDocument: anchor.isConnected,
      response: fetch(anchor.href),
    });
  };
  document.addEventListener('click', onClick, { capture: true });
  return { downloads, stop: () => document.removeEventListener('click', onClick, { capture: true }) };
}

const resolves = (href: string) => fetch(href).then(() => true, () => false);

describe('downloadTextFile', () => {
  let capture: ReturnType<typeof captureNextDownload>;
  beforeEach(() => {
    capture = captureNextDownload();
  });
  afterEach(() => capture.stop());

  it('clicks a connected download link to a blob holding the exact text', async () => {
    const text = '\uFEFFName,Value\r\n测试.example.com.,"a\nb"\r\n';
    downloadTextFile('failures.csv', text);

    expect(capture.downloads).to.have.length(1);
    const [download] = capture.downloads;
    expect(download!.fileName).to.equal('failures.csv');
    expect(download!.href).to.match(/^blob:/);
    expect(download!.wasInDocument).to.equal(true);

    const response = await download!.response;
    const bytes = new Uint8Array(await response.arrayBuffer());
    // Compared as bytes: decoding as text would silently drop the BOM.
    expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    expect(bytes).to.deep.equal(new TextEncoder().encode(text));
    expect(response.headers.get('content-type')).to.equal('text/csv;charset=utf-8');
  });

  it('uses the given MIME type', async () => {
    downloadTextFile('notes.txt', 'hello', 'text/plain');
    const response = await capture.downloads[0]!.response;
    expect(response.headers.get('content-type')).to.equal('text/plain');
    expect(await response.text()).to.equal('hello');
  });

  it('removes the link from the document', () => {
    const linksBefore = document.querySelectorAll('a').length;
    downloadTextFile('failures.csv', 'x');
    expect(document.querySelectorAll('a').length).to.equal(linksBefore);
  });

  it('keeps the object URL alive long enough for a large or confirmed download, then revokes it', async () => {
    const clock = sinon.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      downloadTextFile('failures.csv', 'x');
      const { href } = capture.downloads[0]!;
      await clock.tickAsync(10_000);
      expect(await resolves(href), 'alive 10 s after the click').to.equal(true);
      await clock.tickAsync(REVOKE_AFTER_MS - 10_001);
      expect(await resolves(href), 'alive until the minute is over').to.equal(true);
      await clock.tickAsync(1);
      expect(await resolves(href), 'revoked after a minute').to.equal(false);
      expect(REVOKE_AFTER_MS).to.equal(60_000);
    } finally {
      clock.restore();
    }
  });
});
