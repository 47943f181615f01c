import { describe, expect, it } from "vitest";
import { clonePlain, freezePlain } from "../../../packages/core/src/ledger/plain-data";

describe("clonePlain", () => {
  const sample = {
    a: 1,
    b: "x",
    c: null,
    d: undefined,
    e: [1, { f: [2, 3] }, null],
    g: { h: { i: true, j: -0, k: Number.NaN } },
    bare: Object.assign(Object.create(null) as object, { z: 1 }),
  };

  it("copies plain data as structuredClone does, deeply and apart", () => {
    const copy = clonePlain(sample);
    expect(copy).toStrictEqual(structuredClone(sample));
    expect(Object.keys(copy)).toEqual(Object.keys(sample));
    expect("d" in copy).toBe(true);
    expect(Object.is(copy.g.h.j, -0)).toBe(true);
    copy.e[1] = null;
    (copy.g.h as { i: boolean }).i = false;
    expect(sample.e[1]).toEqual({ f: [2, 3] });
    expect(sample.g.h.i).toBe(true);
  });

  it("hands anything not plain to structuredClone, and refuses a function", () => {
    const when = new Date(0);
    const sparse: number[] = [1];
    sparse[2] = 3;
    const copy = clonePlain({ when, set: new Set([1]), sparse });
    expect(copy.when).toBeInstanceOf(Date);
    expect(copy.when).not.toBe(when);
    expect(copy.set).toEqual(new Set([1]));
    expect(1 in copy.sparse).toBe(false);
    expect(() => clonePlain({ f: () => 1 })).toThrow(TypeError);
  });
});

describe("freezePlain", () => {
  it("freezes deeply so a write throws", () => {
    const v = freezePlain({ a: { b: [1, { c: 2 }] } });
    expect(Object.isFrozen(v.a.b[1])).toBe(true);
    expect(() => {
      (v.a.b as unknown[]).push(3);
    }).toThrow(TypeError);
  });
});
