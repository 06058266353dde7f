import type { Account } from '../../services/index.ts'
import { useUi } from '../i18n/ui.ts'
import { CsrfField, Honeypot } from './forms.tsx'
import { Layout } from './layout.tsx'

/** Sign in, or, when signed in, who you are and a way to sign out. Never cached: it shows the session. */
export function LoginPage(props: {
  account: Account | undefined
  csrf: string
  back: string
  username?: string | undefined
  message?: string | undefined
}) {
  const { t } = useUi()
  return (
    <Layout title={t('login.title')}>
      <h1>{t('login.title')}</h1>
      {props.message && (
        <p role="alert" class="conflict">
          {props.message}
        </p>
      )}
      {props.account ? (
        <form method="post" action="/logout">
          <p>{t('login.signed-in', { username: props.account.username, role: props.account.role })}</p>
          <CsrfField token={props.csrf} />
          <button type="submit">{t('login.sign-out')}</button>
        </form>
      ) : (
        <form method="post" action="/login" class="login">
          <CsrfField token={props.csrf} />
          <input type="hidden" name="back" value={props.back} />
          <Honeypot />
          <p>
            <label for="username">{t('login.username')}</label>
            <br />
            <input
              id="username"
              name="username"
              autocomplete="username"
              required
              maxlength={40}
              value={props.username ?? ''}
            />
          </p>
          <p>
            <label for="password">{t('login.password')}</label>
            <br />
            <input
              id="password"
              name="password"
              type="password"
              autocomplete="current-password"
              required
              maxlength={1024}
            />
          </p>
          <p>
            <button type="submit">{t('login.submit')}</button>
          </p>
        </form>
      )}
    </Layout>
  )
}
