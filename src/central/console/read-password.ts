// A console password for `admin staff add|password`, never from the command line (it would stay in
// the shell's history and in the process list): from FO_CONSOLE_PASSWORD, or typed at a terminal
// (twice, not shown), or piped on stdin (the first line).
import { createInterface } from 'node:readline';
import { CentralError } from '../central-error';

async function ask(prompt: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  // Echo nothing of what is typed after the prompt.
  const internal = rl as unknown as { _writeToOutput: (s: string) => void };
  process.stderr.write(prompt);
  internal._writeToOutput = () => {};
  const answer = await new Promise<string>((resolve) => rl.question('', resolve));
  rl.close();
  process.stderr.write('\n');
  return answer;
}

export async function readPassword(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  if (env.FO_CONSOLE_PASSWORD) return env.FO_CONSOLE_PASSWORD;
  if (process.stdin.isTTY) {
    const first = await ask('Mật khẩu / Password: ');
    const again = await ask('Nhập lại / Again: ');
    if (first !== again) throw new CentralError(400, 'VALIDATION', 'Hai lần nhập mật khẩu không khớp.', 'The two passwords differ.', undefined, 'password');
    return first;
  }
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  return text.split(/\r?\n/)[0] ?? '';
}
