// Renders every diagram in processes/ to a picture for the README, in Debian's Chromium with the
// bpmn.io viewers (npm: bpmn-js, dmn-js, playwright-core; no browser is downloaded):
//   processes/<name>.bpmn -> docs/images/<name>.svg   (bpmn-js saveSVG)
//   processes/<name>.dmn  -> docs/images/<name>.png   (dmn-js decision table, screenshot)
// and records each source's SHA-256 in docs/images/diagrams.sha256, which DiagramPicturesTest
// compares with processes/ so a changed diagram with an old picture fails the build.
// Run: npm ci && npm run pictures   (CHROMIUM=/path/to/chromium to use another browser)
import {chromium} from 'playwright-core';
import {createHash} from 'node:crypto';
import {mkdir, readdir, readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const processes = path.join(root, 'processes');
const images = path.join(root, 'docs', 'images');
const modules = path.join(root, 'node_modules');

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

// bpmn-js names markers with random ids: number them in order, so an unchanged diagram gives the same file.
function stableIds(svg) {
  const ids = new Map();
  for (const [, id] of svg.matchAll(/id="([^"]+)"/g)) {
    if (/[0-9a-z]{20,}/.test(id) && !ids.has(id)) {
      ids.set(id, 'marker-' + (ids.size + 1));
    }
  }
  let stable = svg;
  for (const [random, fixed] of ids) {
    stable = stable.split(random).join(fixed);
  }
  return stable;
}

async function renderBpmn(browser, xml) {
  const page = await browser.newPage({viewport: {width: 1800, height: 1200}});
  await page.setContent('<!doctype html><meta charset="utf-8"><div id="canvas" style="width:1800px;height:1200px"></div>');
  for (const css of ['diagram-js.css', 'bpmn-js.css', 'bpmn-font/css/bpmn-embedded.css']) {
    await page.addStyleTag({path: path.join(modules, 'bpmn-js/dist/assets', css)});
  }
  await page.addScriptTag({path: path.join(modules, 'bpmn-js/dist/bpmn-viewer.production.min.js')});
  const svg = await page.evaluate(async (diagram) => {
    const viewer = new window.BpmnJS({container: '#canvas'});
    const {warnings} = await viewer.importXML(diagram);
    if (warnings.length) {
      throw new Error(warnings.map((w) => w.message).join('; '));
    }
    return (await viewer.saveSVG()).svg;
  }, xml);
  await page.close();
  return stableIds(svg);
}

async function renderDmn(browser, xml) {
  const page = await browser.newPage({viewport: {width: 1400, height: 900}, deviceScaleFactor: 1});
  await page.setContent('<!doctype html><meta charset="utf-8"><style>body{margin:0;background:#fff;font-family:sans-serif}'
    + '#canvas{display:inline-block;padding:16px}.view-drd{display:none}.dmn-decision-table-container{padding-bottom:44px}</style><div id="canvas"></div>');
  for (const css of ['dmn-js-shared.css', 'dmn-js-decision-table.css', 'dmn-font/css/dmn-embedded.css']) {
    await page.addStyleTag({path: path.join(modules, 'dmn-js/dist/assets', css)});
  }
  await page.addScriptTag({path: path.join(modules, 'dmn-js/dist/dmn-viewer.production.min.js')});
  await page.evaluate(async (decisions) => {
    const viewer = new window.DmnJS({container: '#canvas'});
    await viewer.importXML(decisions);
    const table = viewer.getViews().find((view) => view.type === 'decisionTable');
    await viewer.open(table);
  }, xml);
  const png = await page.locator('#canvas').screenshot();
  await page.close();
  return png;
}

const browser = await chromium.launch({executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run']});
try {
  await mkdir(images, {recursive: true});
  const sums = [];
  for (const file of (await readdir(processes)).sort()) {
    const extension = path.extname(file);
    if (extension !== '.bpmn' && extension !== '.dmn') continue;
    const source = await readFile(path.join(processes, file));
    const name = path.basename(file, extension);
    if (extension === '.bpmn') {
      await writeFile(path.join(images, name + '.svg'), await renderBpmn(browser, source.toString('utf8')));
      console.log('processes/' + file + ' -> docs/images/' + name + '.svg');
    } else {
      await writeFile(path.join(images, name + '.png'), await renderDmn(browser, source.toString('utf8')));
      console.log('processes/' + file + ' -> docs/images/' + name + '.png');
    }
    sums.push(sha256(source) + '  processes/' + file);
  }
  await writeFile(path.join(images, 'diagrams.sha256'), sums.join('\n') + '\n');
} finally {
  await browser.close();
}
