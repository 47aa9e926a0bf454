import { type CommandOptions, type CommandRunner, commandLine } from '../command-runner';

type Answer = string | Error | undefined;

/** Records each command line instead of running it, and answers from a script keyed by command line. */
export class RecordingRunner implements CommandRunner {
  readonly commands: string[] = [];
  /** What each command was given on standard input, in order. */
  readonly inputs: { line: string; input: string }[] = [];

  constructor(private readonly answer: (line: string) => Answer = () => undefined) {}

  async run(command: readonly string[], options: CommandOptions = {}): Promise<string> {
    const line = commandLine(command);
    this.commands.push(line);
    if (options.input !== undefined) this.inputs.push({ line, input: options.input });
    const answer = this.answer(line);
    if (answer instanceof Error) throw answer;
    return answer ?? '';
  }

  inputsOf(line: string): string[] {
    return this.inputs.filter((entry) => entry.line === line).map((entry) => entry.input);
  }

  /** The commands that change something in the cluster. */
  get clusterChanges(): string[] {
    return this.commands.filter((line) => /^kubectl (apply|create|delete|--namespace \S+ delete)/.test(line));
  }
}
