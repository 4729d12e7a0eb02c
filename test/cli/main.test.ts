import { describe, expect, it } from 'vitest';
import packageJson from '../../package.json' with { type: 'json' };
import { COMMANDS } from '../../src/cli/registry.js';
import { runCli } from './run.js';

describe('supportkit (the command)', () => {
  it('--version prints the package version, alone or as JSON', async () => {
    expect(await runCli(['--version'])).toEqual({ code: 0, stdout: `${packageJson.version}\n`, stderr: '' });
    const json = await runCli(['--version', '--json']);
    expect(JSON.parse(json.stdout)).toEqual({ version: packageJson.version });
  });

  it('--help lists every command; no command at all is a usage error (2) that still shows help', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    for (const command of COMMANDS) expect(help.stdout).toContain(`  ${command.name}`);
    const bare = await runCli([]);
    expect(bare.code).toBe(2);
    expect(bare.stdout).toBe(help.stdout);
  });

  it.each(COMMANDS.map((command) => command.name))(
    '%s --help shows usage, options and examples',
    async (name) => {
      const { code, stdout } = await runCli([name, '--help']);
      expect(code).toBe(0);
      expect(stdout).toContain(`Usage: supportkit ${name}`);
      expect(stdout).toContain('--json');
      expect(stdout).toMatch(/Examples:\n {2}.*supportkit /);
      expect(await runCli(['help', name])).toEqual({ code: 0, stdout, stderr: '' });
    },
  );

  it('an unknown command or option is exit code 2 with one line and a hint, nothing on stdout', async () => {
    const unknown = await runCli(['reprot']);
    expect(unknown).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'supportkit: unknown command "reprot"\nhint: did you mean `supportkit report`? (supportkit --help)\n',
    });
    const option = await runCli(['nps', 'x.csv', '--colum', 'score']);
    expect(option.code).toBe(2);
    expect(option.stderr.split('\n')).toEqual([
      "supportkit: Unknown option '--colum'",
      'hint: supportkit nps --help',
      '',
    ]);
  });

  it('errors are JSON on stderr with --json, and carry the stack only with --debug', async () => {
    const json = await runCli(['nps', 'missing.csv', '--column', 'x', '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stderr)).toEqual({
      error: {
        code: 'file_error',
        message: expect.stringContaining('missing.csv: not found'),
        hint: 'check the path',
      },
    });
    expect((await runCli(['nps', 'missing.csv', '--column', 'x'])).stderr).not.toContain('    at ');
    expect((await runCli(['nps', 'missing.csv', '--column', 'x', '--debug'])).stderr).toContain('    at ');
  });

  it('colour only on a terminal without NO_COLOR', async () => {
    expect((await runCli(['nope'], { tty: true })).stderr).toContain('\u001b[31m');
    expect((await runCli(['nope'], { tty: true, env: { NO_COLOR: '1' } })).stderr).not.toContain('\u001b[');
    expect((await runCli(['nope'], { tty: true, env: {} })).stderr).toContain('\u001b[');
    expect((await runCli(['nope', '--no-color'], { tty: true })).stderr).not.toContain('\u001b[');
    expect((await runCli(['nope'])).stderr).not.toContain('\u001b[');
  });
});
