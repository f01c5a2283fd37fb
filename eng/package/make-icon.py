#!/usr/bin/env python3
"""Draws the package icon (eng/package/icon.png, 128 x 128 RGBA): a shield with a check mark over a magnifier ring.

Standard library only (zlib + struct). Run from the repository root: python3 eng/package/make-icon.py
"""
import math
import struct
import zlib

SIZE = 128
SAMPLES = 4  # supersampling per axis, for smooth edges

NAVY = (24, 47, 84)
TEAL = (0, 150, 136)
WHITE = (255, 255, 255)


def in_shield(x, y):
    # A shield: flat top with rounded corners, straight sides down to mid-height, then two arcs meeting at the point.
    left, right, top, mid, bottom = 18.0, 110.0, 12.0, 62.0, 118.0
    if y < top or y > bottom or x < left or x > right:
        return False
    cx = (left + right) / 2
    if y <= mid:
        r = 10.0
        if y < top + r and (x < left + r or x > right - r):
            corner_x = left + r if x < left + r else right - r
            return math.hypot(x - corner_x, y - (top + r)) <= r
        return True
    # Below mid-height the half-width shrinks along a curve to the point.
    t = (y - mid) / (bottom - mid)
    half = (right - left) / 2 * math.cos(t * math.pi / 2) ** 0.8
    return abs(x - cx) <= half


def distance_to_segment(px, py, ax, ay, bx, by):
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def colour_at(x, y):
    if not in_shield(x, y):
        return None
    # Magnifier: a ring and a handle, in teal, inside the shield.
    ring = math.hypot(x - 58, y - 54)
    handle = distance_to_segment(x, y, 74, 70, 92, 88)
    check = min(distance_to_segment(x, y, 44, 55, 54, 65), distance_to_segment(x, y, 54, 65, 72, 43))
    if check <= 4.5:
        return WHITE
    if 20 <= ring <= 28 or handle <= 6:
        return TEAL
    # Inner rim of the shield.
    if not in_shield(x - 5, y) or not in_shield(x + 5, y) or not in_shield(x, y - 5) or not in_shield(x, y + 5):
        return TEAL
    return NAVY


def render():
    rows = []
    for j in range(SIZE):
        row = bytearray([0])  # filter type 0 per scanline
        for i in range(SIZE):
            acc = [0, 0, 0, 0]
            for sj in range(SAMPLES):
                for si in range(SAMPLES):
                    c = colour_at(i + (si + 0.5) / SAMPLES, j + (sj + 0.5) / SAMPLES)
                    if c is not None:
                        acc[0] += c[0]
                        acc[1] += c[1]
                        acc[2] += c[2]
                        acc[3] += 255
            n = SAMPLES * SAMPLES
            alpha = acc[3] / n
            if alpha == 0:
                row += bytes(4)
            else:
                covered = acc[3] / 255
                row += bytes([round(acc[0] / covered), round(acc[1] / covered), round(acc[2] / covered), round(alpha)])
        rows.append(bytes(row))
    return b"".join(rows)


def chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


def main():
    header = struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0)  # 8-bit RGBA
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(render(), 9)) + chunk(b"IEND", b"")
    with open("eng/package/icon.png", "wb") as f:
        f.write(png)


if __name__ == "__main__":
    main()
