import { useUi } from '../i18n/ui.ts'
import { Layout } from './layout.tsx'

export function ErrorPage(props: { status: number; message: string }) {
  const { t } = useUi()
  const title =
    props.status === 404
      ? t('error.not-found')
      : [401, 403, 413, 429].includes(props.status)
        ? t('error.refused')
        : t('error.server')
  return (
    <Layout title={title}>
      <h1>{title}</h1>
      <p>{props.message}</p>
      <p>
        <a href="/">{t('error.back')}</a>
      </p>
    </Layout>
  )
}
