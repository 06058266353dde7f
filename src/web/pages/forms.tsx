import { useUi } from '../i18n/ui.ts'
import { CSRF_FIELD, HONEYPOT_FIELD } from '../security.ts'

/** The CSRF token every POST form carries (see security.ts). */
export function CsrfField(props: { token: string }) {
  return <input type="hidden" name={CSRF_FIELD} value={props.token} />
}

/**
 * A field that people do not see (moved off screen by CSS, skipped by keyboard and screen readers)
 * and form-filling bots do: a form that comes back with it filled in is from a bot.
 */
export function Honeypot() {
  const { t } = useUi()
  return (
    <div class="hp" aria-hidden="true">
      <label>
        {t('form.honeypot')}
        <input type="text" name={HONEYPOT_FIELD} tabindex={-1} autocomplete="off" value="" />
      </label>
    </div>
  )
}
