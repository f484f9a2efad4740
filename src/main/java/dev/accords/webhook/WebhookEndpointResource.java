package dev.accords.webhook;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import dev.accords.http.ETags;
import dev.accords.http.Idempotency;
import dev.accords.http.MergePatch;
import dev.accords.http.RequestParams;
import dev.accords.paging.PageCursor;
import dev.accords.security.Roles;

/** The webhook endpoint registry, for admins only: endpoints can make the service call out. */
@Path("/v1/webhook-endpoints")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class WebhookEndpointResource {

    @Inject
    WebhookEndpointService service;
    @Inject
    WebhookDeliveryService deliveries;
    @Inject
    Idempotency idempotency;

    @GET
    public WebhookEndpointPage listWebhookEndpoints(@Context UriInfo uri, @QueryParam("limit") String limit,
                                                    @QueryParam("cursor") String cursor) {
        RequestParams.allowOnly(uri, "limit", "cursor");
        return service.list(RequestParams.limit(limit), PageCursor.decode(cursor, WebhookEndpointRepository.ORDERING));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createWebhookEndpoint(@NotNull @Valid WebhookEndpointCreate body,
                                          @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                          @Context UriInfo uri) {
        return idempotency.execute("POST /v1/webhook-endpoints", idempotencyKey, body, () -> {
            WebhookEndpointCreated created = service.create(body);
            URI location = uri.getBaseUriBuilder().path("v1/webhook-endpoints/{id}").build(created.endpoint().id());
            return Response.created(location).tag(ETags.of(created.endpoint().version())).entity(created).build();
        });
    }

    @GET
    @Path("/{endpointId}")
    public Response getWebhookEndpoint(@PathParam("endpointId") String endpointId,
                                       @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        WebhookEndpointView endpoint = service.get(RequestParams.uuid("endpointId", endpointId));
        if (ETags.noneMatchHits(ifNoneMatch, endpoint.version())) {
            return Response.notModified(ETags.of(endpoint.version())).build();
        }
        return Response.ok(endpoint).tag(ETags.of(endpoint.version())).build();
    }

    @PATCH
    @Path("/{endpointId}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    public Response updateWebhookEndpoint(@PathParam("endpointId") String endpointId,
                                          @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                          @NotNull @Valid WebhookEndpointPatch body) {
        WebhookEndpointView updated = service.update(RequestParams.uuid("endpointId", endpointId), ifMatch, body);
        return Response.ok(updated).tag(ETags.of(updated.version())).build();
    }

    @DELETE
    @Path("/{endpointId}")
    public Response deleteWebhookEndpoint(@PathParam("endpointId") String endpointId,
                                          @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service.delete(RequestParams.uuid("endpointId", endpointId), ifMatch);
        return Response.noContent().build();
    }

    @POST
    @Path("/{endpointId}/secret")
    public Response rotateWebhookEndpointSecret(@PathParam("endpointId") String endpointId,
                                                @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        UUID endpoint = RequestParams.uuid("endpointId", endpointId);
        // A retried rotation must hand back the same new secret, not make a third.
        return idempotency.execute("POST /v1/webhook-endpoints/" + endpoint + "/secret", idempotencyKey, null,
                () -> Response.ok(service.rotate(endpoint)).build());
    }

    @POST
    @Path("/{endpointId}/ping")
    public Response pingWebhookEndpoint(@PathParam("endpointId") String endpointId,
                                        @HeaderParam(Idempotency.HEADER) String idempotencyKey, @Context UriInfo uri) {
        UUID endpoint = RequestParams.uuid("endpointId", endpointId);
        return idempotency.execute("POST /v1/webhook-endpoints/" + endpoint + "/ping", idempotencyKey, null, () -> {
            WebhookDeliveryView ping = deliveries.ping(endpoint);
            URI location = uri.getBaseUriBuilder().path("v1/webhook-endpoints/{endpointId}/deliveries/{deliveryId}")
                    .build(ping.endpointId(), ping.id());
            return Response.accepted(ping).location(location).build();
        });
    }
}
