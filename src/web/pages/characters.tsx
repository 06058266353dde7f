import type { CharacterAcrossVersions, FilmVersion } from '../../services/index.ts'
import { useUi } from '../i18n/ui.ts'
import { Scroll, versionLabel } from './facts.tsx'

/** Each story character in a row, with its name and actor in each version that has it. */
export function CharacterTable(props: {
  characters: readonly CharacterAcrossVersions[]
  versions: readonly FilmVersion[]
}) {
  const ui = useUi()
  const { t } = ui
  const versions = props.versions.filter((v) =>
    props.characters.some((c) => c.roles.some((r) => r.film === v.slug)),
  )
  const characters = props.characters.filter(({ roles }) =>
    roles.some((r) => versions.some((v) => v.slug === r.film)),
  )
  return (
    <Scroll label={t('story.characters')}>
      <table class="across">
        <thead>
          <tr>
            <th scope="col">{t('story.character')}</th>
            {versions.map((v) => (
              <th scope="col">{versionLabel(v, ui)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {characters.map(({ character, roles }) => (
            <tr>
              <th scope="row">
                {character.name}
                {character.description && <div class="muted note">{character.description}</div>}
              </th>
              {versions.map((v) => (
                <td>
                  {roles
                    .filter((r) => r.film === v.slug)
                    .map((r) => (
                      <div>
                        {r.name ?? '—'} · <a href={`/people/${r.person.slug}`}>{r.person.name}</a>
                      </div>
                    ))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </Scroll>
  )
}
