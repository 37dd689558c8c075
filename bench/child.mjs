// @ts-check
/**
 * Runs one benchmark section in this process and sends its result to the parent over the IPC
 * channel that child_process.fork opens. Usage: child.mjs SECTION [OPTIONS_JSON].
 */
const SECTIONS = ['evaluate', 'sweep', 'grid', 'cold-start', 'render-memory'];

const [section = '', optionsJson = '{}'] = process.argv.slice(2);
if (!SECTIONS.includes(section)) {
  throw new Error(`unknown benchmark section "${section}": use one of ${SECTIONS.join(', ')}`);
}
if (process.send === undefined) {
  throw new Error('bench/child.mjs sends its result over IPC; start it from bench/run.mjs');
}

const module = await import(`./sections/${section}.mjs`);
const result = await module.run(JSON.parse(optionsJson));
process.send(result, () => process.disconnect());
