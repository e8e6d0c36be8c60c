// The flowrules playground: edits the rule files of one directory, checks them as one types, tries messages.
// Everything the user or the rules wrote is put on the page as text (textContent), never as HTML.
'use strict';

const base = location.pathname.endsWith('/') ? location.pathname : location.pathname + '/';
const $ = (id) => document.getElementById(id);
const state = { files: {}, saved: {}, current: null, diagnostics: [], tests: null, samples: [], checks: 0 };
let timer = null;

async function api(name, body) {
  const response = await fetch(base + 'api/' + name, body === undefined ? {} : {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  });
  const json = await response.json();
  if (json.error) {
    throw new Error(json.error);
  }
  return json;
}

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

async function load() {
  const s = await api('state');
  state.files = s.files;
  state.saved = { ...s.files };
  state.samples = s.samples;
  $('dir').textContent = s.dir;
  for (const sample of s.samples) {
    const option = element('option', sample.name);
    option.value = sample.name;
    $('sample').appendChild(option);
  }
  const names = Object.keys(state.files);
  select(names.find((n) => !n.endsWith('.test.yaml')) || names[0]);
  await check();
}

function select(name) {
  state.current = name;
  $('editor').value = state.files[name] === undefined ? '' : state.files[name];
  render();
}

function diagnosticsOf(name) {
  return state.diagnostics.filter((d) => d.file === name);
}

function render() {
  renderTabs();
  renderLines();
  renderDiagnostics();
  renderTests();
  const dirty = Object.keys(state.files).some((n) => state.files[n] !== state.saved[n]);
  $('save').disabled = !dirty;
}

function renderTabs() {
  const tabs = $('tabs');
  tabs.replaceChildren();
  for (const name of Object.keys(state.files)) {
    const button = element('button', name);
    button.type = 'button';
    button.dataset.file = name;
    if (name === state.current) button.classList.add('current');
    if (state.files[name] !== state.saved[name]) button.classList.add('dirty');
    const errors = diagnosticsOf(name).filter((d) => d.severity === 'error').length;
    if (errors > 0) button.appendChild(element('span', '(' + errors + ')', 'count'));
    button.addEventListener('click', () => select(name));
    tabs.appendChild(button);
  }
}

/** Line numbers in the gutter and a highlight behind each line that has a problem. */
function renderLines() {
  const lines = $('editor').value.split('\n');
  const marks = {};
  for (const d of diagnosticsOf(state.current)) {
    if (marks[d.line] !== 'err') marks[d.line] = d.severity === 'error' ? 'err' : 'warn';
  }
  const gutter = $('gutter');
  const backdrop = $('backdrop');
  gutter.replaceChildren();
  backdrop.replaceChildren();
  lines.forEach((line, i) => {
    const mark = marks[i + 1];
    gutter.appendChild(element('div', String(i + 1), mark));
    const row = element('div', line === '' ? ' ' : line, mark);
    row.dataset.line = String(i + 1);
    backdrop.appendChild(row);
  });
  syncScroll();
}

function renderDiagnostics() {
  const list = $('diagnostics');
  list.replaceChildren();
  const found = diagnosticsOf(state.current);
  if (found.length === 0) {
    list.appendChild(element('li', 'no problems in ' + state.current, 'none'));
  }
  for (const d of found) {
    const item = element('li', 'line ' + d.line + ', column ' + d.column + ': ' + d.severity + ': ' + d.message
        + ' [' + d.code + ']', d.severity);
    item.dataset.line = String(d.line);
    if (d.hint) item.appendChild(element('span', 'hint: ' + d.hint, 'hint'));
    item.addEventListener('click', () => moveTo(d.line, d.column));
    list.appendChild(item);
  }
  const errors = state.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = state.diagnostics.length - errors;
  const status = $('status');
  status.textContent = errors === 0 ? (warnings === 0 ? 'no problems' : warnings + ' warning(s)')
      : errors + ' error(s), ' + warnings + ' warning(s)';
  status.className = 'status ' + (errors === 0 ? 'ok' : 'bad');
}

function renderTests() {
  const tests = $('tests');
  tests.replaceChildren();
  if (!state.tests) {
    tests.appendChild(element('p', 'not run: the rules have errors'));
    return;
  }
  tests.appendChild(element('p', state.tests.passed + ' passed, ' + state.tests.failed + ' failed', 'summary'));
  for (const d of state.diagnostics.filter((x) => x.code === 'FR029')) {
    tests.appendChild(element('pre', d.file + ':' + d.line + ': ' + d.message + '\n  ' + d.hint));
  }
}

function moveTo(line, column) {
  const editor = $('editor');
  const lines = editor.value.split('\n');
  let offset = 0;
  for (let i = 0; i < line - 1 && i < lines.length; i++) offset += lines[i].length + 1;
  editor.focus();
  editor.setSelectionRange(offset + column - 1, offset + column - 1);
}

function syncScroll() {
  const editor = $('editor');
  $('backdrop').scrollTop = editor.scrollTop;
  $('backdrop').scrollLeft = editor.scrollLeft;
  $('gutter').scrollTop = editor.scrollTop;
}

/** Only the answer to the latest check is shown: an older one may arrive later. */
async function check() {
  const number = ++state.checks;
  $('status').textContent = 'checking…';
  try {
    const result = await api('check', { files: state.files });
    if (number !== state.checks) return;
    state.diagnostics = result.diagnostics;
    state.tests = result.tests || null;
    render();
  } catch (e) {
    $('status').textContent = 'check failed: ' + e.message;
  }
}

async function save() {
  $('save-status').textContent = 'saving…';
  const response = await fetch(base + 'api/save', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ files: state.files }),
  });
  const result = await response.json();
  if (result.saved) {
    state.saved = { ...state.files };
    $('save-status').textContent = 'saved';
  } else {
    $('save-status').textContent = result.error || 'not saved: the rules have errors';
  }
  if (result.diagnostics) {
    state.diagnostics = result.diagnostics;
    state.tests = result.tests || null;
  }
  render();
}

function attributes() {
  const found = {};
  for (const line of $('attributes').value.split('\n')) {
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    const name = line.slice(0, eq).trim();
    (found[name] = found[name] || []).push(line.slice(eq + 1));
  }
  return found;
}

async function tryMessage() {
  $('verdict').textContent = 'trying…';
  const message = {
    content: $('content').value, contentType: $('content-type').value, sender: $('sender').value,
    subChannel: $('sub-channel').value, attributes: attributes(),
  };
  try {
    const result = await api('try', { files: state.files, message });
    $('verdict').textContent = result.verdict;
    $('verdict').className = 'verdict ' + (result.outcome || '');
    $('delivered').textContent = (result.delivered || []).join('\n') || (result.outcome === 'DENY' ? '(nothing: denied)' : '');
    $('explanation').textContent = result.explanation || '';
    $('request').textContent = result.request || '';
  } catch (e) {
    $('verdict').textContent = 'error: ' + e.message;
  }
}

function useSample() {
  const sample = state.samples.find((s) => s.name === $('sample').value);
  if (!sample) return;
  $('content').value = sample.content || '';
  $('content-type').value = sample.contentType || '';
  $('sender').value = sample.sender || '';
  $('attributes').value = Object.entries(sample.attributes)
      .flatMap(([name, values]) => values.map((v) => name + '=' + v)).join('\n');
}

document.addEventListener('DOMContentLoaded', () => {
  const editor = $('editor');
  editor.addEventListener('input', () => {
    state.files[state.current] = editor.value;
    renderLines();
    renderTabs();
    $('save').disabled = false;
    $('save-status').textContent = '';
    clearTimeout(timer);
    timer = setTimeout(check, 300);
  });
  editor.addEventListener('scroll', syncScroll);
  $('save').addEventListener('click', save);
  $('try').addEventListener('click', tryMessage);
  $('sample').addEventListener('change', useSample);
  load().catch((e) => { $('status').textContent = 'cannot load: ' + e.message; });
});
