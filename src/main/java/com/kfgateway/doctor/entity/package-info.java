/**
 * The setup doctor's results as values: a {@link com.kfgateway.doctor.entity.Diagnosis} of
 * {@link com.kfgateway.doctor.entity.Check}s, each with a {@link com.kfgateway.doctor.entity.Verdict} and texts kept as
 * {@link com.kfgateway.doctor.entity.Phrase}s (bundle key + arguments) so the same result reads in Chinese or English.
 */
package com.kfgateway.doctor.entity;
