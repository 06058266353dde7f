// Tiny, real-shaped video headers for upload tests: what a sniffer sees of an MP4 or a WebM file.

/** The first bytes of a real MP4: an `ftyp` box (size, 'ftyp', major brand, minor version, compatible brands). */
export function mp4Header(brand = 'isom', compatible = `${brand}iso2avc1mp41`): Uint8Array {
  const box = Buffer.alloc(32)
  box.writeUInt32BE(32, 0)
  box.write('ftyp', 4, 'latin1')
  box.write(brand, 8, 'latin1')
  box.writeUInt32BE(0x200, 12)
  box.write(compatible.padEnd(16, ' '), 16, 'latin1')
  return new Uint8Array(box)
}

/** The first bytes of a real WebM: the EBML header with its DocType element. */
export function webmHeader(docType = 'webm'): Uint8Array {
  const doc = Buffer.from(docType, 'latin1')
  const body = Buffer.concat([
    Buffer.from([0x42, 0x86, 0x81, 0x01]), // EBMLVersion 1
    Buffer.from([0x42, 0xf7, 0x81, 0x01]), // EBMLReadVersion 1
    Buffer.from([0x42, 0x82, 0x80 | doc.length]),
    doc,
    Buffer.from([0x42, 0x87, 0x81, 0x04]), // DocTypeVersion 4
  ])
  return new Uint8Array(Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x80 | body.length]), body]))
}
