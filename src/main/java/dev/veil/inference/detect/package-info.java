/**
 * Value detectors: small, stateless recognisers of value kinds (e-mail addresses, card numbers,
 * password hashes, cloud keys...) run over every sampled scalar. {@link
 * dev.veil.inference.detect.ValueDetectors#standard()} is the shipped set; each detector says
 * which class its hits lean to ({@link dev.veil.inference.detect.Leaning}).
 */
package dev.veil.inference.detect;
