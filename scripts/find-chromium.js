// Finds a Chromium to drive. Debian's package puts it at /usr/bin/chromium; CHROME_PATH overrides.
import { existsSync } from 'node:fs';

const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export function findChromium() {
  const found = [process.env.CHROME_PATH, ...candidates].find((path) => path && existsSync(path));
  if (!found) {
    throw new Error(
      'No Chromium found. Run `npm test` (it installs Debian\'s chromium when it can), or install it: ' +
        '`sudo apt-get install chromium` (Debian/Ubuntu), or set CHROME_PATH to a Chrome/Chromium binary.',
    );
  }
  return found;
}
