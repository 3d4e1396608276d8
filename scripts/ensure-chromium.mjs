// Makes sure a Chromium exists before `npm test` starts the browser tests.
// CHROMIUM_PATH overrides; as root with apt-get, Debian's chromium is installed; otherwise one line says how.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const wanted = process.env.CHROMIUM_PATH;
const found = wanted ? existsSync(wanted) : ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/lib/chromium/chromium'].some(existsSync);

if (!found) {
  if (wanted) {
    console.error(`CHROMIUM_PATH=${wanted} does not exist; point it at a Chromium binary or unset it.`);
    process.exit(1);
  }
  const isRoot = process.getuid?.() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (isRoot && hasApt) {
    console.log('No Chromium found: installing Debian\'s chromium with apt-get (needed for the browser tests)…');
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
  } else {
    console.error('No Chromium found: install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH=/path/to/chromium.');
    process.exit(1);
  }
}
