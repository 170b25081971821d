package io.rapport.shared.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.rapport.shared.ConflictException;
import io.rapport.shared.InvalidInputException;
import io.rapport.shared.NotFoundException;
import io.rapport.shared.TranslatableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error as an RFC 9457 problem. Field errors carry an {@code errors} array of
 * {@code {field, pointer, detail}} so a client can show the message next to the input at fault.
 */
@Order(0)
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
public class ApiProblems extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

	public static final String TYPE_BASE = "https://rapport.io/problems/";

	@ExceptionHandler(NotFoundException.class)
	ResponseEntity<Object> notFound(NotFoundException e) {
		return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", text(e), List.of());
	}

	@ExceptionHandler(ConflictException.class)
	ResponseEntity<Object> conflict(ConflictException e) {
		return problem(HttpStatus.CONFLICT, "conflict", "Conflict", text(e), List.of());
	}

	@ExceptionHandler(io.rapport.shared.ForbiddenException.class)
	ResponseEntity<Object> forbidden(io.rapport.shared.ForbiddenException e) {
		return problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", text(e), List.of());
	}

	@ExceptionHandler({ OptimisticLockingFailureException.class, jakarta.persistence.OptimisticLockException.class })
	ResponseEntity<Object> staleWrite(Exception e) {
		return problem(HttpStatus.CONFLICT, "conflict", "Conflict", text("errors.conflict.stale"), List.of());
	}

	@ExceptionHandler(InvalidInputException.class)
	ResponseEntity<Object> invalid(InvalidInputException e) {
		String detail = text(e);
		return problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", detail,
				List.of(fieldError(e.field(), detail)));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
		String detail = "'" + e.getValue() + "' is not a valid value for " + e.getName();
		return problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", detail,
				List.of(fieldError(e.getName(), detail)));
	}

	@ExceptionHandler(jakarta.validation.ConstraintViolationException.class)
	ResponseEntity<Object> constraintViolation(jakarta.validation.ConstraintViolationException e) {
		List<Map<String, String>> errors = e.getConstraintViolations().stream()
			.map(violation -> fieldError(lastNode(violation.getPropertyPath().toString()), violation.getMessage()))
			.toList();
		return problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input",
				errors.isEmpty() ? "Invalid request" : errors.get(0).get("field") + " " + errors.get(0).get("detail"),
				errors);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception e) {
		log.error("Unexpected error in API call", e);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error", text("errors.internal"),
				List.of());
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
			.map(error -> fieldError(error.getField(), error.getDefaultMessage()))
			.toList();
		String detail = e.getBindingResult().getFieldErrors().stream()
			.map(ApiProblems::describe)
			.collect(Collectors.joining("; "));
		return problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", detail, errors);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = e.getParameterValidationResults().stream()
			.flatMap(result -> result.getResolvableErrors().stream()
				.map(error -> fieldError(result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
			.toList();
		return problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input",
				errors.isEmpty() ? "Invalid request" : errors.get(0).get("field") + " " + errors.get(0).get("detail"),
				errors);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Throwable cause = e.getCause();
		if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
			String field = path(jackson);
			String detail = jackson instanceof tools.jackson.databind.exc.InvalidFormatException format
					&& format.getTargetType() == String.class
							? field + " " + text("errors.text.unacceptable")
							: "The value of " + field + " is not valid" + allowedValues(jackson);
			return problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", detail,
					List.of(fieldError(field, detail)));
		}
		return problem(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed request body",
				"The request body is missing or is not valid JSON.", List.of());
	}

	@Override
	protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return problem(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Upload too large",
				"The upload is larger than the server accepts.", List.of());
	}

	/** Framework errors (405, 406, 415, a missing parameter) get our {@code type} and, for 404, our words. */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		ResponseEntity<Object> entity = super.handleExceptionInternal(e, body, headers, statusCode, request);
		if (entity != null && entity.getBody() instanceof ProblemDetail problem) {
			ProblemWords.ownWords(problem, request.getDescription(false).replaceFirst("^uri=", ""), getMessageSource());
			HttpHeaders problemHeaders = new HttpHeaders();
			problemHeaders.putAll(entity.getHeaders());
			problemHeaders.setContentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON);
			return new ResponseEntity<>(entity.getBody(), problemHeaders, entity.getStatusCode());
		}
		return entity;
	}

	/** A domain error in the request's language (English when no bundle has it). */
	private String text(TranslatableException e) {
		MessageSource messages = getMessageSource();
		return messages == null ? e.getMessage() : messages.getMessage(e, LocaleContextHolder.getLocale());
	}

	private String text(String code, Object... args) {
		return ProblemWords.text(getMessageSource(), code, args);
	}

	private static String lastNode(String path) {
		return path.substring(path.lastIndexOf('.') + 1);
	}

	private static String describe(FieldError error) {
		return error.getField() + " " + error.getDefaultMessage();
	}

	private static String path(JacksonException jackson) {
		StringBuilder field = new StringBuilder();
		for (JacksonException.Reference reference : jackson.getPath()) {
			if (reference.getPropertyName() != null) {
				field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				field.append('[').append(reference.getIndex()).append(']');
			}
		}
		return field.toString();
	}

	private static String allowedValues(JacksonException jackson) {
		if (jackson instanceof tools.jackson.databind.exc.InvalidFormatException format
				&& format.getTargetType() != null && format.getTargetType().isEnum()) {
			Object[] constants = format.getTargetType().getEnumConstants();
			return "; allowed: " + java.util.Arrays.stream(constants).map(String::valueOf)
				.collect(Collectors.joining(", "));
		}
		return "";
	}

	public static Map<String, String> fieldError(String field, String detail) {
		return Map.of("field", field, "pointer", "#/" + field.replace('.', '/').replaceAll("\\[(\\d+)]", "/$1"),
				"detail", detail == null ? "is invalid" : detail);
	}

	public static ResponseEntity<Object> problem(HttpStatus status, String type, String title, String detail,
			List<Map<String, String>> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_BASE + type));
		problem.setTitle(title);
		if (!errors.isEmpty()) {
			problem.setProperty("errors", errors);
		}
		return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}
}
