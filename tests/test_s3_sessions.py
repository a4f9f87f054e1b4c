"""Threads of one process share a boto3 session (one copy of botocore's models)
but each gets its own S3 resource, as boto3 requires."""

import threading

from campaign_site.storage import S3Storage


def test_threads_share_the_session_not_the_resource():
    storage = S3Storage(
        bucket_name="private-test",
        endpoint_url="http://127.0.0.1:9",
        access_key="testing",
        secret_key="testing",
        region_name="eu-central-1",
    )
    seen = []

    def connect():
        connection = storage.connection
        seen.append((connection, connection.meta.client._loader))

    threads = [threading.Thread(target=connect) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    connections = {id(connection) for connection, _loader in seen}
    loaders = {id(loader) for _connection, loader in seen}
    assert len(connections) == 3  # a resource per thread
    assert len(loaders) == 1  # one model cache for all of them
    # Other credentials get a session of their own.
    other = S3Storage(
        bucket_name="x",
        endpoint_url="http://127.0.0.1:9",
        access_key="other",
        secret_key="other",
        region_name="eu-central-1",
    )
    assert other._create_session() is not storage._create_session()
    assert storage.unsigned_connection is storage.unsigned_connection
