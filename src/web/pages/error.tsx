import { Layout } from './layout.tsx'

export function ErrorPage(props: { status: number; message: string }) {
  return (
    <Layout title={props.status === 404 ? 'Not found' : 'Something went wrong'}>
      <h1>{props.status === 404 ? 'Not found' : 'Something went wrong'}</h1>
      <p>{props.message}</p>
      <p>
        <a href="/">Back to all stories</a>
      </p>
    </Layout>
  )
}
