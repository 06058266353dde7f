import { createAccount, isRole, ROLES, type Account, type Storage } from '../services/index.ts'
import { AppError } from '../domain/index.ts'

// `retold user create <name> --role admin`: the password comes from RETOLD_PASSWORD when set (for
// scripts), else is asked for twice without echo on a terminal, else is the first line of stdin.

interface Input {
  isTTY?: boolean | undefined
  setRawMode?: ((mode: boolean) => unknown) | undefined
  on(event: 'data', listener: (chunk: Buffer | string) => void): unknown
  off(event: 'data', listener: (chunk: Buffer | string) => void): unknown
  resume(): unknown
  pause(): unknown
  [Symbol.asyncIterator](): AsyncIterator<Buffer | string>
}

function askHidden(input: Input, prompt: (text: string) => void, question: string): Promise<string> {
  prompt(question)
  return new Promise((resolve, reject) => {
    let typed = ''
    const onData = (chunk: Buffer | string) => {
      for (const ch of String(chunk)) {
        if (ch === '\r' || ch === '\n') {
          done()
          prompt('\n')
          return resolve(typed)
        }
        if (ch === '\u0003') {
          done()
          return reject(new AppError('Invalid', 'cancelled'))
        }
        if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1)
        else typed += ch
      }
    }
    const done = () => {
      input.off('data', onData)
      input.setRawMode?.(false)
      input.pause()
    }
    input.setRawMode?.(true)
    input.resume()
    input.on('data', onData)
  })
}

async function firstLine(input: Input): Promise<string> {
  let text = ''
  for await (const chunk of input) {
    text += String(chunk)
    if (text.includes('\n')) break
  }
  return text.split(/\r?\n/)[0] ?? ''
}

export async function readPassword(
  env: { RETOLD_PASSWORD?: string | undefined },
  input: Input,
  prompt: (text: string) => void,
): Promise<string> {
  if (env.RETOLD_PASSWORD) return env.RETOLD_PASSWORD
  if (!input.isTTY) return firstLine(input)
  const password = await askHidden(input, prompt, 'Password: ')
  const again = await askHidden(input, prompt, 'Password again: ')
  if (password !== again) throw new AppError('Invalid', 'the two passwords differ')
  return password
}

export async function createUserCommand(
  storage: Storage,
  username: string,
  role: string | undefined,
  password: string,
  out: (line: string) => void,
): Promise<Account> {
  if (!isRole(role)) throw new AppError('Invalid', `--role is one of ${ROLES.join(', ')}`)
  const account = await createAccount(storage, { username, password, role })
  out(`created ${account.role} ${account.username}`)
  return account
}
