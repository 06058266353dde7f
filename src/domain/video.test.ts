import { describe, expect, it } from 'vitest'
import { AppError } from './errors.ts'
import { mp4Header, webmHeader } from '../../test/support/videos.ts'
import { parseByteRange, parseVideoLink, sniffVideoType, videoLinkUrls } from './video.ts'

describe('sniffVideoType', () => {
  it('recognizes MP4 and WebM by their first bytes', () => {
    expect(sniffVideoType(mp4Header())).toBe('video/mp4')
    expect(sniffVideoType(mp4Header('mp42'))).toBe('video/mp4')
    expect(sniffVideoType(webmHeader())).toBe('video/webm')
  })

  it('refuses other files, whatever they are called', () => {
    expect(sniffVideoType(new TextEncoder().encode('<html><script>alert(1)</script>'))).toBeUndefined()
    expect(
      sniffVideoType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0])),
    ).toBeUndefined()
    expect(sniffVideoType(mp4Header('qt  ', 'qt  '))).toBeUndefined()
    expect(sniffVideoType(webmHeader('matroska'))).toBeUndefined()
    expect(sniffVideoType(new Uint8Array([0x1a, 0x45]))).toBeUndefined()
  })
})

describe('parseVideoLink', () => {
  it.each([
    'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    'https://youtube.com/watch?v=dQw4w9WgXcQ&t=42s',
    'http://m.youtube.com/watch?feature=share&v=dQw4w9WgXcQ',
    'https://youtu.be/dQw4w9WgXcQ?si=abc',
    'https://www.youtube.com/embed/dQw4w9WgXcQ',
    'https://www.youtube.com/shorts/dQw4w9WgXcQ',
    'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
    ' https://WWW.YOUTUBE.COM/watch?v=dQw4w9WgXcQ ',
  ])('canonicalizes the YouTube address %s', (url) => {
    expect(parseVideoLink(url).key).toBe('youtube:dQw4w9WgXcQ')
  })

  it.each([
    'https://vimeo.com/76979871',
    'https://www.vimeo.com/76979871#t=10',
    'https://vimeo.com/channels/staffpicks/76979871',
    'https://player.vimeo.com/video/76979871?h=abc',
  ])('canonicalizes the Vimeo address %s', (url) => {
    expect(parseVideoLink(url).key).toBe('vimeo:76979871')
  })

  it('canonicalizes Dailymotion addresses', () => {
    expect(parseVideoLink('https://www.dailymotion.com/video/x7tgad0').key).toBe('dailymotion:x7tgad0')
    expect(parseVideoLink('https://dai.ly/x7tgad0').key).toBe('dailymotion:x7tgad0')
  })

  it.each([
    'https://evil.example/watch?v=dQw4w9WgXcQ',
    'https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ',
    'https://www.youtube.com/watch?v=short',
    'https://www.youtube.com/@channel',
    'javascript:alert(1)',
    'ftp://vimeo.com/76979871',
    'not a url',
  ])('refuses %s', (url) => {
    expect(() => parseVideoLink(url)).toThrow(AppError)
    expect(() => parseVideoLink(url)).toThrow(/^videoUrl: /)
  })

  it('gives the watch and embed addresses of a canonical link', () => {
    expect(videoLinkUrls(parseVideoLink('https://youtu.be/dQw4w9WgXcQ'))).toEqual({
      url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      embedUrl: 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
    })
    expect(videoLinkUrls(parseVideoLink('https://vimeo.com/76979871')).embedUrl).toBe(
      'https://player.vimeo.com/video/76979871',
    )
  })
})

describe('parseByteRange', () => {
  it('reads single byte ranges and suffixes', () => {
    expect(parseByteRange('bytes=0-99', 1000)).toEqual({ start: 0, end: 99 })
    expect(parseByteRange('bytes=900-', 1000)).toEqual({ start: 900, end: 999 })
    expect(parseByteRange('bytes=-100', 1000)).toEqual({ start: 900, end: 999 })
    expect(parseByteRange('bytes=990-2000', 1000)).toEqual({ start: 990, end: 999 })
  })

  it('serves the whole file for no or unsupported ranges, and refuses ranges beyond the end', () => {
    expect(parseByteRange(undefined, 1000)).toBeUndefined()
    expect(parseByteRange('bytes=0-1,5-6', 1000)).toBeUndefined()
    expect(parseByteRange('bytes=1000-', 1000)).toBe('unsatisfiable')
    expect(parseByteRange('bytes=5-2', 1000)).toBe('unsatisfiable')
  })
})
